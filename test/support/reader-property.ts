/**
 * The reader's robustness property, shared by the unit test (10,000 runs) and the long fuzz script
 * (`npm run fuzz:reader -- 100000`): whatever the input, readSession returns a session with
 * well-formed warnings and checks, or a typed error — and never throws.
 */
import fc from 'fast-check';
import { readSession } from '../../shared/session/read-session';
import type { ReadResult } from '../../shared/session/types';
import {
  ocpi211Session,
  ocpi221Envelope,
  ocpi221LocationEnvelope,
  ocpi230Session,
  vendorEnvelope,
} from '../fixtures/sessions';

type Json = unknown;
const ERROR_KINDS = new Set([
  'not-json',
  'not-object',
  'envelope-status',
  'envelope-no-data',
  'not-a-session',
  'unsupported-bundle',
]);
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Every path to a value inside `value`, as key lists. */
function pathsOf(
  value: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

type Mutation =
  { kind: 'replace'; with: Json } | { kind: 'delete' } | { kind: 'stringify' } | { kind: 'swap-type' };

function mutate(root: Json, path: (string | number)[], m: Mutation): Json {
  if (path.length === 0) return m.kind === 'replace' ? m.with : root;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const key = path[path.length - 1];
  const current = parent[key];
  if (m.kind === 'replace') parent[key] = m.with;
  else if (m.kind === 'delete') delete parent[key];
  else if (m.kind === 'stringify')
    parent[key] = typeof current === 'string' ? current : JSON.stringify(current);
  else
    parent[key] = Array.isArray(current)
      ? {}
      : typeof current === 'object'
        ? []
        : typeof current === 'number'
          ? String(current)
          : 0;
  return copy;
}

const seeds = [
  vendorEnvelope(),
  ocpi211Session(),
  ocpi221Envelope(),
  ocpi230Session(),
  ocpi221LocationEnvelope().data,
];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), with: fc.jsonValue({ maxDepth: 2 }) }),
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'stringify' as const }),
  fc.constant({ kind: 'swap-type' as const }),
);

/** Payloads: well-formed fixtures with 1–5 random mutations, plain random JSON, and broken text. */
export const payloads: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
      )
      .map(([seed, steps, asText]) => {
        let value: Json = seed;
        for (const [pick, m] of steps) {
          const paths = pathsOf(value);
          value = mutate(value, paths[pick % paths.length], m);
        }
        return asText ? JSON.stringify(value) : value;
      }),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...seeds), fc.nat(), fc.string({ maxLength: 3 }))
      .map(([seed, cut, junk]) => {
        const text = JSON.stringify(seed);
        return text.slice(0, cut % text.length) + junk;
      }),
  },
  { weight: 1, arbitrary: fc.string() },
);

/** Throws (so fast-check shrinks and reports) when a result breaks the reader's contract. */
export function assertWellFormed(result: ReadResult): void {
  if (!result.ok) {
    if (
      !ERROR_KINDS.has(result.error.kind) ||
      typeof result.error.message !== 'string' ||
      !result.error.message
    ) {
      throw new Error(`malformed error ${JSON.stringify(result.error)}`);
    }
    return;
  }
  const p = result.session.periods;
  for (const column of [
    p.start,
    p.end,
    p.durationS,
    p.energyKwh,
    p.cumulativeKwh,
    p.powerKw,
    ...p.dimensions.values(),
  ]) {
    if (!(column instanceof Float64Array) || column.length !== p.count)
      throw new Error('period column of the wrong length');
  }
  if (JSON.stringify([...p.dimensions.keys()]) !== JSON.stringify(p.dimensionTypes))
    throw new Error('dimensionTypes do not list the dimension columns in order');
  if (result.session.volumeUnit === 'Wh' && !result.session.whSuspected)
    throw new Error('volumes read as Wh without the suspicion that justifies it');
  if (result.session.whSuspected !== result.checks.some((c) => c.code === 'ENERGY_UNIT_SUSPECT'))
    throw new Error('whSuspected and the ENERGY_UNIT_SUSPECT check disagree');
  for (const w of result.warnings)
    if (typeof w.path !== 'string' || typeof w.message !== 'string') throw new Error('malformed warning');
  for (const c of result.checks) {
    if (!SEVERITIES.has(c.severity) || !c.message) throw new Error(`malformed check ${JSON.stringify(c)}`);
    if (c.periods && (c.periods[0] < 0 || c.periods[1] >= p.count || c.periods[0] > c.periods[1]))
      throw new Error(`check periods out of range ${JSON.stringify(c)}`);
  }
  JSON.stringify(result.warnings);
}

export function readerProperty(): fc.IPropertyWithHooks<[unknown]> {
  return fc.property(payloads, (payload) => {
    assertWellFormed(readSession(payload));
  });
}
