/**
 * The session reader: raw JSON (vendor gateway envelope, OCPI 2.1.1 / 2.2.1 / 2.3.0 envelope or bare
 * Session) → normalized session, reader warnings and triage checks. Pure: no I/O, no Electron, no React.
 * It reads field by field: one odd field is a warning, never the loss of the session.
 */
import type {
  AuthInfo,
  NormalizedSession,
  ReadResult,
  ReaderError,
  SessionShape,
  SiteLocation,
} from './types';
import { openEnvelope } from './envelope';
import { childPath, FieldReader, isObject, type JsonObject, WarningSink } from './field-reader';
import { parseJsonText } from './json-text';
import { readPrice } from './price';
import { findUsedEquipment, type LocationFacts, readLocation } from './location';
import { emptyPeriods, readPeriods, scaleEnergyVolumes } from './periods';
import { detectWhVolumes } from './energy-unit';
import { type ReaderFacts, runChecks } from './checks';
import { canonicalEnum, KNOWN_AUTH_METHODS, KNOWN_STATUSES, START_ALIASES } from './vocabulary';

export interface ReadOptions {
  /** The Location of an OCPI 2.2+ session, fetched separately: a bare Location or its response envelope. */
  location?: unknown;
  /**
   * `auto` (default): volumes that look like Wh sent as kWh are read as Wh (÷ 1000), and the session says so
   * in `volumeUnit`. `as-sent`: they are kept as written; the check fires either way.
   */
  volumes?: 'auto' | 'as-sent';
  /** The JSON text `input` was parsed from, when the caller parsed it: `kwh`'s written decimals are read there. */
  text?: string;
}

const SESSION_MARKERS = [
  'start_date_time',
  'start_datetime',
  'kwh',
  'charging_periods',
  'status',
  'auth_method',
  'location_id',
  'location',
];

const fail = (error: ReaderError): ReadResult => ({ ok: false, error });

/**
 * A CDR, a Location or a PATCH body given where a session is expected, named as what it is; any other
 * object without a session's fields as such. Null when it is a session.
 */
function notASession(data: JsonObject): ReaderError | null {
  const has = (key: string): boolean => key in data;
  const named = (detected: NonNullable<ReaderError['detected']>, message: string): ReaderError => ({
    kind: 'not-a-session',
    detected,
    message,
  });
  if (has('total_energy') || has('cdr_location') || has('stop_date_time'))
    return named(
      'cdr',
      `This JSON is an OCPI CDR (charge detail record: it has ${['total_energy', 'cdr_location', 'stop_date_time'].filter(has).join(', ')}), not a session.`,
    );
  const sessionish = SESSION_MARKERS.filter((key) => key !== 'location').some(has);
  if (!sessionish && (has('evses') || (has('coordinates') && has('address'))))
    return named('location', 'This JSON is an OCPI Location (it has evses and coordinates), not a session.');
  const identified =
    has('id') ||
    has('session_id') ||
    has('start_date_time') ||
    has('start_datetime') ||
    START_ALIASES.some(has);
  if (!identified && (sessionish || has('last_updated'))) {
    const fields = ['kwh', 'charging_periods', 'status', 'total_cost', 'last_updated'].filter(has);
    return named(
      'session-patch',
      `This JSON is a partial session update (a PATCH body with ${fields.join(', ')}): it has no session id or start time, so there is no whole session to show.`,
    );
  }
  if (!identified || !(sessionish || START_ALIASES.some(has)))
    return {
      kind: 'not-a-session',
      message: 'This JSON is not a charging session: it has no session id, start time, kWh or status.',
    };
  return null;
}

export function readSession(input: unknown, options: ReadOptions = {}): ReadResult {
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) return fail(parsed.error);
    value = parsed.value;
  }
  if (!isObject(value)) {
    return fail({
      kind: 'not-object',
      message: `Expected a JSON object (a session or a response envelope), got ${Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value}.`,
    });
  }

  const sink = new WarningSink();
  const f = new FieldReader(sink);
  const unwrapped = unwrapEnvelope(f, value, 'session');
  if ('error' in unwrapped) return fail(unwrapped.error);
  const { data, path } = unwrapped;

  const other = notASession(data);
  if (other) return fail(other);

  const facts: ReaderFacts = {
    periods: { energyVolumes: 0, energyRounding: 0, energySum: null, negative: null },
    location: { coordinateProblems: [], evseCoordinatePaths: [] },
    wh: null,
  };
  const session = normalize(f, data, path, options, facts);
  const kwhHalf = kwhHalfUnit(
    data.kwh,
    session.kwh,
    typeof input === 'string' ? input : (options.text ?? null),
  );
  if (kwhHalf !== null) session.energyRounding.kwhHalfUnit = kwhHalf;
  const warnings = sink.finish();
  return { ok: true, session, warnings, checks: runChecks(session, facts) };
}

/** Strips a `{status_code, status_message, timestamp, data}` envelope (rules in ./envelope), or returns the bare object. */
function unwrapEnvelope(
  f: FieldReader,
  value: JsonObject,
  noun: string,
  at = '',
): { data: JsonObject; path: string } | { error: ReaderError } {
  const opened = openEnvelope(value, noun);
  if (!opened.ok) return { error: opened.error };
  for (const warning of opened.warnings) f.sink.add(childPath(at, warning.path), warning.message);
  if (opened.path !== '' && typeof value.timestamp === 'string')
    f.dateText(value.timestamp, childPath(at, 'timestamp'));
  return { data: opened.data, path: opened.path };
}

function detectShape(data: JsonObject): SessionShape {
  if ('evseId' in data || 'connectorId' in data || 'cpoId' in data || 'session_id' in data) return 'vendor';
  const cost = data.total_cost;
  if (isObject(cost) && ('before_taxes' in cost || 'taxes' in cost)) return 'ocpi-2.3.0';
  if (
    'cdr_token' in data ||
    'start_date_time' in data ||
    'location_id' in data ||
    'evse_uid' in data ||
    isObject(cost)
  )
    return 'ocpi-2.2.1';
  return 'ocpi-2.1.1';
}

function normalize(
  f: FieldReader,
  data: JsonObject,
  path: string,
  options: ReadOptions,
  facts: ReaderFacts,
): NormalizedSession {
  const shape = detectShape(data);
  if (shape === 'ocpi-2.2.1' || shape === 'ocpi-2.3.0') {
    for (const old of ['start_datetime', 'end_datetime', 'auth_id']) {
      if (old in data)
        f.sink.add(
          childPath(path, old),
          `OCPI 2.1.1 field name "${old}" in an ${shape.replace('ocpi-', 'OCPI ')} payload; read anyway`,
        );
    }
  }

  const status = knownEnum(
    f,
    f.string(data, 'status', path),
    KNOWN_STATUSES,
    childPath(path, 'status'),
    'status',
  );
  const startedAt = readStart(f, data, path);
  const endedAt = f.date(data, ['end_date_time', 'end_datetime'], path);
  const lastUpdated = f.date(data, ['last_updated'], path) ?? f.date(data, ['last_modified_date'], path);
  const kwh = f.number(data, 'kwh', path);

  let location: SiteLocation | null = null;
  const embedded = f.object(data, 'location', path);
  if (embedded) location = readLocation(f, embedded, childPath(path, 'location'), facts.location);
  else if (options.location !== undefined && options.location !== null)
    location = readSeparateLocation(f, options.location, facts.location);

  const vendorEvseId = f.string(data, 'evseId', path);
  const vendorConnectorId = f.string(data, 'connectorId', path);
  const evseUidField = f.string(data, 'evse_uid', path);
  const connectorIdField = f.string(data, 'connector_id', path);
  const used = location
    ? findUsedEquipment(
        f,
        location,
        { evseUid: evseUidField, connectorId: connectorIdField, vendorEvseId, vendorConnectorId },
        childPath(path, 'location'),
      )
    : { evse: null, connector: null, match: null };

  const periodsRaw = f.array(data, 'charging_periods', path);
  const active = status === 'ACTIVE';
  let periods = emptyPeriods();
  if (periodsRaw) {
    const read = readPeriods(f, periodsRaw, childPath(path, 'charging_periods'), {
      endedAt,
      lastUpdated,
      active,
    });
    periods = read.table;
    facts.periods = read.facts;
    facts.wh = detectWhVolumes(periods, read.facts.energySum, kwh, used.connector?.maxPowerKw ?? null);
  }
  const volumeUnit = facts.wh !== null && options.volumes !== 'as-sent' ? 'Wh' : 'kWh';
  if (volumeUnit === 'Wh') scaleEnergyVolumes(periods, facts.periods, 1 / 1000);

  return {
    shape,
    ids: {
      id: f.string(data, 'id', path),
      sessionId: f.string(data, 'session_id', path),
      countryCode: f.string(data, 'country_code', path),
      partyId: f.string(data, 'party_id', path),
      cpoId: f.string(data, 'cpoId', path) ?? f.string(data, 'cpo_id', path),
      locationId: f.string(data, 'location_id', path) ?? location?.id ?? null,
      evseUid: evseUidField ?? vendorEvseId ?? used.evse?.uid ?? null,
      connectorId: connectorIdField ?? used.connector?.id ?? null,
    },
    status,
    startedAt,
    endedAt,
    lastUpdated,
    kwh,
    auth: readAuth(f, data, path),
    meterId: f.string(data, 'meter_id', path),
    currency: f.string(data, 'currency', path),
    cost: readPrice(f, data.total_cost, childPath(path, 'total_cost')),
    location,
    evse: used.evse,
    connector: used.connector,
    evseMatch: used.match,
    periods,
    volumeUnit,
    whSuspected: facts.wh !== null,
    energyRounding: {
      sum: facts.periods.energySum,
      volumes: facts.periods.energyVolumes,
      halfUnits: facts.periods.energyRounding,
    },
  };
}

function readSeparateLocation(f: FieldReader, raw: unknown, facts: LocationFacts): SiteLocation | null {
  let value = raw;
  if (typeof value === 'string') {
    const parsed = parseJsonText(value);
    if (!parsed.ok) {
      f.sink.add('location', `the separately fetched Location is not JSON: ${parsed.error.message}`);
      return null;
    }
    value = parsed.value;
  }
  if (!isObject(value)) {
    f.sink.add('location', 'the separately fetched Location is not an object; ignored');
    return null;
  }
  const unwrapped = unwrapEnvelope(f, value, 'Location', 'location');
  if ('error' in unwrapped) {
    f.sink.add('location', `the Location response could not be used: ${unwrapped.error.message}`);
    return null;
  }
  // Paths say `location.…` so the user can tell them from the session's own fields.
  return readLocation(f, unwrapped.data, 'location', facts);
}

function readAuth(f: FieldReader, data: JsonObject, path: string): AuthInfo {
  const method = knownEnum(
    f,
    f.string(data, 'auth_method', path),
    KNOWN_AUTH_METHODS,
    childPath(path, 'auth_method'),
    'auth method',
  );
  const token = f.object(data, 'cdr_token', path);
  const tokenPath = childPath(path, 'cdr_token');
  return {
    method,
    id:
      f.string(data, 'auth_id', path) ??
      (token ? f.string(token, 'uid', tokenPath) : null) ??
      f.string(data, 'token_uid', path),
    tokenType: (token ? f.string(token, 'type', tokenPath) : null) ?? f.string(data, 'token_type', path),
    contractId:
      (token ? f.string(token, 'contract_id', tokenPath) : null) ?? f.string(data, 'contract_id', path),
  };
}

/**
 * An enum value: known as is; a known value in other case (`completed`) read as its upper-case meaning with a
 * warning; anything else kept as given with a warning.
 */
function knownEnum(
  f: FieldReader,
  value: string | null,
  known: readonly string[],
  path: string,
  what: string,
): string | null {
  if (value === null || known.includes(value)) return value;
  const upper = canonicalEnum(value, known);
  if (upper !== null) {
    f.sink.add(path, `${what} "${value}" is not upper-case; read as ${upper}`);
    return upper;
  }
  f.sink.add(path, `unknown ${what} "${value}"; kept as given`);
  return value;
}

/** The start time; a start under another name is read with a warning, a missing one is warned about. */
function readStart(f: FieldReader, data: JsonObject, path: string): number | null {
  const ocpiKey = ['start_date_time', 'start_datetime'].find(
    (key) => data[key] !== undefined && data[key] !== null,
  );
  if (ocpiKey !== undefined) return f.date(data, [ocpiKey], path);
  const alias = START_ALIASES.find((key) => data[key] !== undefined && data[key] !== null);
  if (alias !== undefined) {
    const ms = f.date(data, [alias], path);
    f.sink.add(
      childPath(path, alias),
      ms === null
        ? `the start is named "${alias}", not start_date_time, and is unreadable; the session has no start time`
        : `the start is named "${alias}", not start_date_time (OCPI 2.2+) or start_datetime (2.1.1); read as the start`,
    );
    return ms;
  }
  f.sink.add(
    childPath(path, 'start_date_time'),
    'the session has no start time (start_date_time or start_datetime); times and durations cannot be known',
  );
  return null;
}

/**
 * Half a unit of the last decimal `kwh` was written with, for the rounding tolerance: `"41.00"` and `0.00`
 * have two, which the parsed number (41, 0) no longer shows. Text says it; a number is looked up in the
 * JSON text when there is one. Null when unknown (the tolerance then reads the number's own decimals).
 */
function kwhHalfUnit(raw: unknown, kwh: number | null, text: string | null): number | null {
  if (kwh === null) return null;
  let written: string | null = typeof raw === 'string' ? raw.trim() : null;
  if (written === null && typeof raw === 'number' && text !== null) {
    const literal = /"kwh"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(text)?.[1];
    if (literal !== undefined && Number(literal) === kwh) written = literal;
  }
  if (written === null || /[eE]/.test(written)) return null;
  const dot = Math.max(written.indexOf('.'), written.indexOf(','));
  return 0.5 * 10 ** -(dot < 0 ? 0 : written.length - dot - 1);
}
