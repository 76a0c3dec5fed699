/**
 * The CDR reader (OCPI 2.1.1, 2.2.1, 2.3.0): a response envelope or a bare CDR → a normalized CDR and
 * reader warnings at JSON paths. It shares the session reader's field reader, envelope rule, period table
 * and price shapes, so a CDR's periods and totals read exactly like a session's.
 */
import {
  childPath,
  describe,
  FieldReader,
  isObject,
  type JsonObject,
  WarningSink,
} from '../session/field-reader';
import { whTotalWarning } from '../session/energy-unit';
import { openEnvelope } from '../session/envelope';
import { parseJsonText } from '../session/json-text';
import { type LocationFacts, readLocation } from '../session/location';
import { emptyPeriods, readPeriods } from '../session/periods';
import { readPrice } from '../session/price';
import type { ReaderError, SiteLocation } from '../session/types';
import { readTariffObject } from './read-tariff';
import type { Cdr, CdrReadSuccess, OcpiVersion, Tariff } from './types';

export interface CdrReadOptions {
  /** The Location (bare or in its envelope) for the `time_zone` a 2.2+ CdrLocation does not carry. */
  location?: unknown;
}

export type CdrReadResult = CdrReadSuccess | { ok: false; error: ReaderError };

/** Fields only a CDR has: a session never carries totals of energy and time, or a CdrLocation. */
const CDR_ONLY = ['total_energy', 'total_time', 'cdr_location', 'stop_date_time', 'total_parking_time'];

/** True when a (bare, unwrapped) object is a CDR rather than a session. */
export function looksLikeCdr(data: JsonObject): boolean {
  return CDR_ONLY.some((key) => key in data) && !('kwh' in data);
}

/** The payload an input holds, unwrapped from its envelope, for deciding "session or CDR?". */
export function payloadOf(value: unknown): JsonObject | null {
  if (!isObject(value)) return null;
  const opened = openEnvelope(value, 'object');
  return opened.ok ? opened.data : null;
}

const noFacts = (): LocationFacts => ({ coordinateProblems: [], evseCoordinatePaths: [] });

export function readCdr(input: unknown, options: CdrReadOptions = {}): CdrReadResult {
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    value = parsed.value;
  }
  if (!isObject(value))
    return {
      ok: false,
      error: {
        kind: 'not-object',
        message: `Expected a CDR object or a response envelope, got ${describe(value)}.`,
      },
    };
  const opened = openEnvelope(value, 'CDR');
  if (!opened.ok) return { ok: false, error: opened.error };
  const sink = new WarningSink();
  for (const w of opened.warnings) sink.add(w.path, w.message);
  const { data, path } = opened;
  if (!looksLikeCdr(data))
    return {
      ok: false,
      error: {
        kind: 'not-a-session',
        message: 'This JSON is not a CDR: it has no total_energy, total_time or cdr_location.',
      },
    };
  const f = new FieldReader(sink);
  return { ok: true, cdr: normalizeCdr(f, data, path, options), warnings: sink.finish() };
}

function detectVersion(data: JsonObject): OcpiVersion {
  const cost = data.total_cost;
  if (isObject(cost) && ('before_taxes' in cost || 'taxes' in cost)) return 'ocpi-2.3.0';
  if ('cdr_location' in data || 'cdr_token' in data || 'end_date_time' in data || isObject(cost))
    return 'ocpi-2.2.1';
  return 'ocpi-2.1.1';
}

function normalizeCdr(f: FieldReader, data: JsonObject, path: string, options: CdrReadOptions): Cdr {
  const version = detectVersion(data);
  const startedAt = f.date(data, ['start_date_time', 'start_datetime'], path);
  const endedAt = f.date(data, ['end_date_time', 'stop_date_time', 'end_datetime'], path);
  const lastUpdated = f.date(data, ['last_updated'], path);
  if (startedAt === null) f.sink.add(childPath(path, 'start_date_time'), 'a CDR must have a start time');
  if (endedAt === null)
    f.sink.add(
      childPath(path, version === 'ocpi-2.1.1' ? 'stop_date_time' : 'end_date_time'),
      'a CDR must have an end time',
    );

  const { location, evseUid, evseId, connectorId } = readCdrLocation(f, data, path, options);
  const tariffs: Tariff[] = [];
  (f.array(data, 'tariffs', path) ?? []).forEach((t, i) => {
    const p = childPath(childPath(path, 'tariffs'), i);
    if (isObject(t)) tariffs.push(readTariffObject(f, t, p, version));
    else f.sink.add(p, 'expected a Tariff object; ignored');
  });

  const periodsRaw = f.array(data, 'charging_periods', path);
  let periods = emptyPeriods();
  let periodEnergy: Cdr['periodEnergy'] = { sum: null, volumes: 0, halfUnits: 0 };
  if (periodsRaw) {
    const read = readPeriods(f, periodsRaw, childPath(path, 'charging_periods'), {
      endedAt,
      lastUpdated,
      active: false,
    });
    periods = read.table;
    periodEnergy = {
      sum: read.facts.energySum,
      volumes: read.facts.energyVolumes,
      halfUnits: read.facts.energyRounding,
    };
  } else f.sink.add(childPath(path, 'charging_periods'), 'a CDR must have charging periods');

  const token = f.object(data, 'cdr_token', path);
  const tp = childPath(path, 'cdr_token');
  const price = (key: string) => readPrice(f, data[key], childPath(path, key));
  const totalCost = price('total_cost');
  if (totalCost === null) f.sink.add(childPath(path, 'total_cost'), 'a CDR must have a total_cost');
  const totalEnergy = f.number(data, 'total_energy', path);
  const totalTime = f.number(data, 'total_time', path);
  const hours =
    totalTime ?? (startedAt !== null && endedAt !== null ? (endedAt - startedAt) / 3_600_000 : null);
  const wh = whTotalWarning(totalEnergy, hours);
  if (wh !== null) f.sink.add(childPath(path, 'total_energy'), wh);
  return {
    version,
    id: f.string(data, 'id', path),
    countryCode: f.string(data, 'country_code', path),
    partyId: f.string(data, 'party_id', path),
    sessionId: f.string(data, 'session_id', path),
    startedAt,
    endedAt,
    lastUpdated,
    auth: {
      method: f.string(data, 'auth_method', path),
      id: f.string(data, 'auth_id', path) ?? (token ? f.string(token, 'uid', tp) : null),
      tokenType: token ? f.string(token, 'type', tp) : null,
      contractId: token ? f.string(token, 'contract_id', tp) : null,
    },
    authorizationReference:
      f.string(data, 'authorization_reference', path) ?? f.string(data, 'authorization_id', path),
    location,
    evseUid,
    evseId,
    connectorId,
    meterId: f.string(data, 'meter_id', path),
    currency: f.string(data, 'currency', path),
    tariffs,
    periods,
    totalEnergy,
    totalTime,
    totalParkingTime: f.number(data, 'total_parking_time', path),
    totalCost,
    totalFixedCost: price('total_fixed_cost'),
    totalEnergyCost: price('total_energy_cost'),
    totalTimeCost: price('total_time_cost'),
    totalParkingCost: price('total_parking_cost'),
    totalReservationCost: price('total_reservation_cost'),
    signedData: data.signed_data !== undefined && data.signed_data !== null,
    credit: readBoolean(f, data, 'credit', path),
    creditReferenceId: f.string(data, 'credit_reference_id', path),
    remark: f.string(data, 'remark', path),
    invoiceReferenceId: f.string(data, 'invoice_reference_id', path),
    periodEnergy,
  };
}

function readCdrLocation(
  f: FieldReader,
  data: JsonObject,
  path: string,
  options: CdrReadOptions,
): {
  location: SiteLocation | null;
  evseUid: string | null;
  evseId: string | null;
  connectorId: string | null;
} {
  let location: SiteLocation | null = null;
  let evseUid: string | null = null;
  let evseId: string | null = null;
  let connectorId: string | null = null;
  const cdrLocation = f.object(data, 'cdr_location', path);
  const embedded = f.object(data, 'location', path);
  if (cdrLocation) {
    const p = childPath(path, 'cdr_location');
    location = readLocation(f, cdrLocation, p, noFacts());
    evseUid = f.string(cdrLocation, 'evse_uid', p);
    evseId = f.string(cdrLocation, 'evse_id', p);
    connectorId = f.string(cdrLocation, 'connector_id', p);
  } else if (embedded) {
    // 2.1.1: a Location with only the EVSE and connector used.
    location = readLocation(f, embedded, childPath(path, 'location'), noFacts());
    const evse = location.evses.length === 1 ? location.evses[0] : null;
    evseUid = evse?.uid ?? null;
    evseId = evse?.evseId ?? null;
    connectorId = evse && evse.connectors.length === 1 ? evse.connectors[0].id : null;
  }
  if (options.location !== undefined && options.location !== null) {
    const separate = readSeparateLocation(f, options.location);
    if (separate && location) location = { ...location, timeZone: location.timeZone ?? separate.timeZone };
    else if (separate) location = separate;
  }
  return { location, evseUid, evseId, connectorId };
}

function readSeparateLocation(f: FieldReader, raw: unknown): SiteLocation | null {
  let value = raw;
  if (typeof value === 'string') {
    const parsed = parseJsonText(value);
    value = parsed.ok ? parsed.value : null;
  }
  const opened = isObject(value) ? openEnvelope(value, 'Location') : null;
  if (!opened?.ok) {
    f.sink.add('location', 'the separately given Location could not be read; its time zone is unknown');
    return null;
  }
  return readLocation(f, opened.data, 'location', noFacts());
}

function readBoolean(f: FieldReader, obj: JsonObject, key: string, path: string): boolean | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') {
    f.sink.add(childPath(path, key), `boolean sent as text "${value}"; read as ${value}`);
    return value === 'true';
  }
  f.sink.add(childPath(path, key), `expected true or false, got ${describe(value)}; ignored`);
  return null;
}
