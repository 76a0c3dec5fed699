/** Location, EVSE and connector reading, and finding the EVSE/connector a session used. */
import type { Connector, Coordinates, Evse, EvseMatch, SiteLocation } from './types';
import { childPath, type FieldReader, isObject, type JsonObject, parseNumericText } from './field-reader';

/** A coordinate pair that could not be used, kept for the INVALID_COORDINATES check. */
export interface CoordinateProblem {
  path: string;
  problem: string;
}

export interface LocationFacts {
  coordinateProblems: CoordinateProblem[];
  /** Paths of readable coordinates, for the swap/far-away checks. */
  evseCoordinatePaths: string[];
}

const PHASES: Record<string, number> = {
  AC_1_PHASE: 1,
  AC_2_PHASE: 2,
  AC_2_PHASE_SPLIT: 2,
  AC_3_PHASE: 3,
  DC: 1,
};

export function readLocation(
  f: FieldReader,
  raw: JsonObject,
  path: string,
  facts: LocationFacts,
): SiteLocation {
  const operator = f.object(raw, 'operator', path);
  let evsesRaw = f.array(raw, 'evses', path) ?? [];
  // OCPI 2.0 sessions embed the one EVSE used as a singular `evse` object.
  const single = raw.evses === undefined && isObject(raw.evse);
  if (single) {
    evsesRaw = [raw.evse];
    f.sink.add(
      childPath(path, 'evse'),
      'a single "evse" object (OCPI 2.0) instead of an "evses" list; read as the list of one',
    );
  }
  const evses: Evse[] = [];
  evsesRaw.forEach((item, i) => {
    const p = single ? childPath(path, 'evse') : childPath(childPath(path, 'evses'), i);
    if (isObject(item)) evses.push(readEvse(f, item, p, facts));
    else f.sink.add(p, 'expected an EVSE object; ignored');
  });
  return {
    id: f.string(raw, 'id', path),
    name: f.string(raw, 'name', path),
    address: f.string(raw, 'address', path),
    city: f.string(raw, 'city', path),
    postalCode: f.string(raw, 'postal_code', path),
    country: f.string(raw, 'country', path),
    countryCode: f.string(raw, 'country_code', path),
    partyId: f.string(raw, 'party_id', path),
    coordinates: readCoordinates(f, raw, path, facts),
    timeZone: f.string(raw, 'time_zone', path),
    operatorName: operator ? f.string(operator, 'name', childPath(path, 'operator')) : null,
    operatorWebsite: operator ? f.string(operator, 'website', childPath(path, 'operator')) : null,
    evses,
  };
}

function readEvse(f: FieldReader, raw: JsonObject, path: string, facts: LocationFacts): Evse {
  const connectorsRaw = f.array(raw, 'connectors', path) ?? [];
  const connectors: Connector[] = [];
  connectorsRaw.forEach((item, i) => {
    const p = childPath(childPath(path, 'connectors'), i);
    if (isObject(item)) connectors.push(readConnector(f, item, p));
    else f.sink.add(p, 'expected a connector object; ignored');
  });
  const coordinates = readCoordinates(f, raw, path, facts);
  if (coordinates) facts.evseCoordinatePaths.push(childPath(path, 'coordinates'));
  return {
    uid: f.string(raw, 'uid', path),
    evseId: f.string(raw, 'evse_id', path),
    status: f.string(raw, 'status', path),
    capabilities: f.stringArray(raw, 'capabilities', path),
    coordinates,
    physicalReference: f.string(raw, 'physical_reference', path),
    floorLevel: f.string(raw, 'floor_level', path),
    connectors,
  };
}

function readConnector(f: FieldReader, raw: JsonObject, path: string): Connector {
  const powerType = f.string(raw, 'power_type', path);
  // 2.1.1 says `voltage`/`amperage`, 2.2+ `max_voltage`/`max_amperage`.
  const voltageKey = raw.max_voltage !== undefined ? 'max_voltage' : 'voltage';
  const voltage = f.number(raw, voltageKey, path);
  const amperage = f.number(raw, raw.max_amperage !== undefined ? 'max_amperage' : 'amperage', path);
  const maxElectricPower = f.number(raw, 'max_electric_power', path);
  // 2.1.1 has one `tariff_id`, 2.2+ a `tariff_ids` list.
  const tariffIds = f.stringArray(raw, 'tariff_ids', path);
  const single = f.string(raw, 'tariff_id', path);
  if (single !== null && !tariffIds.includes(single)) tariffIds.push(single);
  const connector: Connector = {
    id: f.string(raw, 'id', path),
    standard: f.string(raw, 'standard', path),
    format: f.string(raw, 'format', path),
    powerType,
    voltage,
    amperage,
    maxElectricPower,
    maxPowerKw: null,
    maxPowerSource: null,
    tariffIds,
  };
  const computed = connectorMaxPowerKw(connector);
  if (computed) {
    connector.maxPowerKw = computed.kw;
    connector.maxPowerSource = computed.source;
    if (computed.note) f.sink.add(childPath(path, voltageKey), computed.note);
  }
  return connector;
}

/**
 * The connector's maximum power: `max_electric_power` when declared, else voltage × amperage × phases.
 * OCPI's AC_3_PHASE voltage is line-to-neutral; a value above 300 V is almost surely line-to-line,
 * so it is divided by √3 rather than tripled into a figure 1.7 times too high.
 */
export function connectorMaxPowerKw(
  c: Pick<Connector, 'maxElectricPower' | 'voltage' | 'amperage' | 'powerType'>,
): { kw: number; source: 'declared' | 'computed'; note?: string } | null {
  if (c.maxElectricPower !== null && c.maxElectricPower > 0)
    return { kw: c.maxElectricPower / 1000, source: 'declared' };
  if (c.voltage === null || c.amperage === null || c.powerType === null) return null;
  const phases = PHASES[c.powerType];
  if (phases === undefined) return null;
  if (phases === 3 && c.voltage > 300) {
    return {
      kw: ((c.voltage / Math.sqrt(3)) * c.amperage * 3) / 1000,
      source: 'computed',
      note: `voltage ${c.voltage} V looks line-to-line for AC_3_PHASE (OCPI wants line-to-neutral); max power computed with ${Math.round(c.voltage / Math.sqrt(3))} V`,
    };
  }
  return { kw: (c.voltage * c.amperage * phases) / 1000, source: 'computed' };
}

function readCoordinates(
  f: FieldReader,
  owner: JsonObject,
  ownerPath: string,
  facts: LocationFacts,
): Coordinates | null {
  const raw = owner.coordinates;
  if (raw === undefined || raw === null) return null;
  const path = childPath(ownerPath, 'coordinates');
  if (!isObject(raw)) {
    facts.coordinateProblems.push({ path, problem: 'coordinates are not an object' });
    return null;
  }
  const latitude = readCoordinate(f, raw.latitude, childPath(path, 'latitude'));
  const longitude = readCoordinate(f, raw.longitude, childPath(path, 'longitude'));
  if (latitude === null || longitude === null) {
    facts.coordinateProblems.push({ path, problem: 'latitude or longitude is missing or unreadable' });
    return null;
  }
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    facts.coordinateProblems.push({ path, problem: `(${latitude}, ${longitude}) is out of range` });
    return null;
  }
  return { latitude, longitude };
}

/**
 * OCPI sends coordinates as text (`"51.047599"`), so text is the conformant form and needs no warning;
 * a bare number is read too, with one grouped note, since strict clients reject it.
 */
function readCoordinate(f: FieldReader, value: unknown, path: string): number | null {
  if (typeof value === 'string') {
    const parsed = parseNumericText(value);
    if (parsed === null) f.sink.add(path, `unreadable coordinate "${value.slice(0, 40)}"`);
    return parsed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    f.sink.addGrouped(
      'coordinate:number',
      path,
      'coordinate sent as a number; OCPI defines coordinates as text (read anyway)',
    );
    return value;
  }
  return f.numberValue(value, path);
}

export interface UsedEquipment {
  evse: Evse | null;
  connector: Connector | null;
  match: EvseMatch | null;
}

/**
 * Finds the EVSE and connector across the three naming schemes:
 * OCPI 2.2+ `evse_uid`/`connector_id`; the vendor's `evseId` (= EVSE `uid`) and `connectorId` (= EVSE `evse_id`);
 * OCPI 2.1.1's embedded location, which lists only the EVSE and connector used.
 */
export function findUsedEquipment(
  f: FieldReader,
  location: SiteLocation,
  refs: {
    evseUid: string | null;
    connectorId: string | null;
    vendorEvseId: string | null;
    vendorConnectorId: string | null;
  },
  path: string,
): UsedEquipment {
  const evses = location.evses;
  let evse: Evse | null = null;
  let by: EvseMatch['by'] = 'evse_uid';
  let reference: string | null = refs.evseUid;
  if (refs.evseUid !== null) evse = evses.find((e) => e.uid === refs.evseUid) ?? null;
  if (!evse && refs.vendorEvseId !== null) {
    evse = evses.find((e) => e.uid === refs.vendorEvseId || e.evseId === refs.vendorEvseId) ?? null;
    [by, reference] = ['vendor_evseId', refs.vendorEvseId];
  }
  if (!evse && refs.vendorConnectorId !== null) {
    evse = evses.find((e) => e.evseId === refs.vendorConnectorId) ?? null;
    [by, reference] = ['vendor_connectorId', refs.vendorConnectorId];
  }
  const referenced = refs.evseUid ?? refs.vendorEvseId ?? refs.vendorConnectorId;
  if (!evse && referenced === null && evses.length === 1) {
    evse = evses[0];
    [by, reference] = ['only_evse', null];
  }
  if (!evse) {
    if (referenced !== null)
      f.sink.add(
        path,
        `the session's EVSE "${referenced}" is not among the location's ${evses.length} EVSE(s)`,
      );
    else if (evses.length > 1)
      f.sink.add(
        path,
        `the location lists ${evses.length} EVSEs and the session names none; cannot tell which was used`,
      );
    return { evse: null, connector: null, match: null };
  }
  let connector: Connector | null = null;
  if (refs.connectorId !== null) {
    connector = evse.connectors.find((c) => c.id === refs.connectorId) ?? null;
    if (!connector)
      f.sink.add(path, `connector "${refs.connectorId}" is not on EVSE "${evse.uid ?? evse.evseId}"`);
  } else if (evse.connectors.length === 1) connector = evse.connectors[0];
  const connectorIndex = connector ? evse.connectors.indexOf(connector) : -1;
  return {
    evse,
    connector,
    match: {
      evseIndex: evses.indexOf(evse),
      connectorIndex: connectorIndex < 0 ? null : connectorIndex,
      by,
      reference,
    },
  };
}
