/**
 * Generates shared/geo/country-boxes.ts: a few padded bounding boxes per country, from Natural Earth 1:50m
 * (world-atlas) with ISO codes from i18n-iso-countries. The reader uses them to tell whether a location's
 * coordinates fall in its country (or would, once latitude and longitude are swapped).
 *
 * Run: npx tsx scripts/gen-country-boxes.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { format, resolveConfig } from 'prettier';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import atlas from 'world-atlas/countries-50m.json' with { type: 'json' };

/** Polygons whose boxes are this close (degrees) share one box: island chains and coasts stay one piece. */
const MERGE_GAP_DEG = 1;
/** Clusters are kept, largest first, until they cover this share of the country's land... */
const KEEP_AREA_SHARE = 0.99;
/** ...plus any cluster larger than a speck of rock, so inhabited islands (Hawaii, Easter Island) keep a box. */
const KEEP_MIN_KM2 = 30;
/** Padding so coastal and border sites land inside despite the 1:50m simplification. */
const PAD_DEG = 0.3;
const KM_PER_DEG = 111.32;
const ANTARCTICA = '010';

const OUTPUT = fileURLToPath(new URL('../shared/geo/country-boxes.ts', import.meta.url));

interface Box {
  south: number;
  west: number;
  north: number;
  east: number;
}

interface Cluster {
  box: Box;
  areaKm2: number;
}

function boxOf(points: readonly Position[]): Box {
  const box = { south: 90, west: Infinity, north: -90, east: -Infinity };
  for (const [lon, lat] of points) {
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
    box.west = Math.min(box.west, lon);
    box.east = Math.max(box.east, lon);
  }
  return box;
}

/** Shoelace area on the sinusoidal projection (equal-area): plenty for ranking polygons. */
function areaKm2(ring: readonly Position[]): number {
  const x = ([lon, lat]: Position): number => lon * Math.cos((lat * Math.PI) / 180);
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += x(ring[j]) * ring[i][1] - x(ring[i]) * ring[j][1];
  }
  return (Math.abs(sum) / 2) * KM_PER_DEG * KM_PER_DEG;
}

function crossesAntimeridian(ring: readonly Position[]): boolean {
  return ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
}

/**
 * One cluster per ring, or two when the ring crosses the antimeridian (Chukotka, Fiji, Antarctica):
 * topojson-client rebuilds such rings whole, and one box for them would span the globe.
 */
function ringClusters(ring: readonly Position[]): Cluster[] {
  if (!crossesAntimeridian(ring)) return [{ box: boxOf(ring), areaKm2: areaKm2(ring) }];
  const shifted = ring.map(([lon, lat]): Position => [lon < 0 ? lon + 360 : lon, lat]);
  const box = boxOf(shifted);
  const area = areaKm2(shifted);
  const width = box.east - box.west;
  if (box.east <= 180) return [{ box, areaKm2: area }];
  return [
    { box: { ...box, east: 180 }, areaKm2: (area * (180 - box.west)) / width },
    { box: { ...box, west: -180, east: box.east - 360 }, areaKm2: (area * (box.east - 180)) / width },
  ];
}

function near(a: Box, b: Box, gap: number): boolean {
  return (
    a.west - gap <= b.east && b.west - gap <= a.east && a.south - gap <= b.north && b.south - gap <= a.north
  );
}

function union(a: Box, b: Box): Box {
  return {
    south: Math.min(a.south, b.south),
    west: Math.min(a.west, b.west),
    north: Math.max(a.north, b.north),
    east: Math.max(a.east, b.east),
  };
}

/** Merges clusters whose boxes are within MERGE_GAP_DEG of each other until none are. */
function mergeNear(clusters: Cluster[]): Cluster[] {
  const out = [...clusters];
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        if (!near(out[i].box, out[j].box, MERGE_GAP_DEG)) continue;
        out[i] = { box: union(out[i].box, out[j].box), areaKm2: out[i].areaKm2 + out[j].areaKm2 };
        out.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  return out;
}

function keepSignificant(clusters: Cluster[]): Cluster[] {
  const sorted = [...clusters].sort((a, b) => b.areaKm2 - a.areaKm2);
  const total = sorted.reduce((sum, c) => sum + c.areaKm2, 0);
  let covered = 0;
  return sorted.filter((c) => {
    const keep = covered < total * KEEP_AREA_SHARE || c.areaKm2 >= KEEP_MIN_KM2;
    covered += c.areaKm2;
    return keep;
  });
}

/** Pads, clamps and rounds outwards to whole tenths of a degree: [south, west, north, east]. */
function toTenths(box: Box): number[] {
  const clamp = (v: number, limit: number): number => Math.max(-limit, Math.min(limit, v));
  return [
    Math.floor(clamp(box.south - PAD_DEG, 90) * 10),
    Math.floor(clamp(box.west - PAD_DEG, 180) * 10),
    Math.ceil(clamp(box.north + PAD_DEG, 90) * 10),
    Math.ceil(clamp(box.east + PAD_DEG, 180) * 10),
  ];
}

function outerRings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
}

async function main(): Promise<void> {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  // Several features may share an id (Australia and Ashmore and Cartier Is. are both 036).
  const ringsById = new Map<string, Position[][]>();
  for (const f of collection.features) {
    const id = f.id === undefined ? undefined : String(f.id);
    // Kosovo, N. Cyprus, Somaliland... have no ISO numeric code in Natural Earth: nothing to look up by.
    if (!id || !countries.numericToAlpha2(id)) continue;
    // Antarctica: no charging sites, and dozens of ice-shelf boxes that would only add weight.
    if (id === ANTARCTICA) continue;
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    ringsById.set(id, [...(ringsById.get(id) ?? []), ...outerRings(f.geometry)]);
  }

  const rows: string[] = [];
  let boxCount = 0;
  for (const [id, rings] of ringsById) {
    const alpha2 = countries.numericToAlpha2(id);
    const alpha3 = countries.numericToAlpha3(id);
    if (!alpha2 || !alpha3) continue;
    const clusters = rings.flatMap(ringClusters);
    const kept = keepSignificant(mergeNear(clusters));
    boxCount += kept.length;
    rows.push(`  ['${alpha2}', '${alpha3}', [${kept.flatMap((c) => toTenths(c.box)).join(', ')}]],`);
  }
  rows.sort();

  const source = [
    '// Generated by scripts/gen-country-boxes.ts from Natural Earth 1:50m (world-atlas). Do not edit.',
    '',
    '/**',
    ' * Per country: ISO 3166-1 alpha-2, alpha-3, then its boxes flattened as',
    ' * south, west, north, east in tenths of a degree (padded, so coastal sites are inside).',
    ' */',
    'export const COUNTRY_BOXES: readonly (readonly [alpha2: string, alpha3: string, boxes: readonly number[]])[] = [',
    ...rows,
    '];',
    '',
  ].join('\n');
  const config = await resolveConfig(OUTPUT);
  writeFileSync(OUTPUT, await format(source, { ...config, filepath: OUTPUT }));
  console.log(`${rows.length} countries, ${boxCount} boxes -> ${OUTPUT}`);
}

await main();
