/** Output of the session reader: a normalized view of one charging session, whatever shape it came in. */

export type SessionShape = 'vendor' | 'ocpi-2.1.1' | 'ocpi-2.2.1' | 'ocpi-2.3.0' | 'bundle';

export interface ReaderWarning {
  /** Where in the input, e.g. `data.charging_periods[3].dimensions[0].volume`. */
  path: string;
  message: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Check {
  code: CheckCode;
  severity: Severity;
  message: string;
  /** First and last period index (inclusive) the finding is about. */
  periods?: [number, number];
}

export type CheckCode =
  /** Added at fetch time for OCPI sessions (shared/ocpi/session-stale.ts): an ACTIVE session not updated lately. */
  | 'SESSION_STALE'
  | 'ENERGY_MISMATCH'
  | 'ENERGY_UNIT_SUSPECT'
  | 'END_BEFORE_START'
  | 'COMPLETED_WITHOUT_END'
  | 'ACTIVE_WITH_END'
  | 'PERIODS_OUT_OF_ORDER'
  | 'PERIOD_OUTSIDE_SESSION'
  | 'PERIOD_GAP'
  | 'POWER_ABOVE_CONNECTOR_MAX'
  | 'INVALID_COORDINATES'
  | 'COORDINATES_SUSPECT'
  | 'NEGATIVE_VOLUME'
  | 'NO_CHARGING_PERIODS'
  | 'UNKNOWN_STATUS'
  | 'UPDATED_BEFORE_START'
  | 'UPDATED_BEFORE_END'
  | 'ENERGY_WITHOUT_DURATION'
  /** Added by the session loader: the separate Location GET of an OCPI 2.2+ session failed. */
  | 'LOCATION_UNAVAILABLE';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** Total cost in whichever of the three OCPI price shapes it came. */
export interface Cost {
  /** `number` (2.1.1 and vendor, excl. VAT), `excl_incl` (2.2.x), `before_taxes` (2.3.0). */
  shape: 'number' | 'excl_incl' | 'before_taxes';
  exclVat: number | null;
  inclVat: number | null;
  taxes: { name: string | null; amount: number | null; percentage: number | null }[];
}

export interface Connector {
  id: string | null;
  standard: string | null;
  format: string | null;
  powerType: string | null;
  voltage: number | null;
  amperage: number | null;
  /** Watts, as declared (`max_electric_power`). */
  maxElectricPower: number | null;
  /** kW: declared, else voltage × amperage × phases; null when unknown. */
  maxPowerKw: number | null;
  maxPowerSource: 'declared' | 'computed' | null;
  tariffIds: string[];
}

export interface Evse {
  /** OCPI `uid` (the vendor's `evseId` refers to this). */
  uid: string | null;
  /** OCPI `evse_id`, e.g. `BE*BEC*E041503001` (the vendor's `connectorId` refers to this). */
  evseId: string | null;
  status: string | null;
  capabilities: string[];
  coordinates: Coordinates | null;
  physicalReference: string | null;
  floorLevel: string | null;
  connectors: Connector[];
}

export interface SiteLocation {
  id: string | null;
  name: string | null;
  address: string | null;
  city: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-3 (`country`) when given. */
  country: string | null;
  countryCode: string | null;
  partyId: string | null;
  coordinates: Coordinates | null;
  timeZone: string | null;
  operatorName: string | null;
  operatorWebsite: string | null;
  evses: Evse[];
}

/**
 * Charging periods held column by column so that 200,000 of them stay cheap to derive,
 * transfer (structured clone copies typed arrays as blocks) and chart.
 * Absent values are NaN.
 */
export interface PeriodTable {
  count: number;
  /** Epoch milliseconds. */
  start: Float64Array;
  /** Epoch milliseconds: the next period's start, the session's end for the last (a view of `start`'s buffer). */
  end: Float64Array;
  /** Derived columns (durationS, cumulativeKwh, powerKw) are computed on first read, then kept. */
  readonly durationS: Float64Array;
  /** The ENERGY dimension column itself, in kWh (÷ 1000 when the session was read as Wh); NaN when none. */
  energyKwh: Float64Array;
  /** Running sum of energyKwh (NaN entries count as 0). */
  readonly cumulativeKwh: Float64Array;
  /** Average power over the period in kW from its energy, else its POWER volume; NaN when neither (or zero duration). */
  readonly powerKw: Float64Array;
  /** Every dimension type present, in first-seen order, each as one column of volumes. */
  dimensionTypes: string[];
  /** Keyed by type as sent (a Map: `__proto__` and `constructor` are types like any other). */
  dimensions: ReadonlyMap<string, Float64Array>;
  /** Per-period tariff id, or null when no period has one. */
  tariffIds: (string | null)[] | null;
}

export interface SessionIds {
  /** OCPI `id`. */
  id: string | null;
  /** The vendor's own `session_id`, when different. */
  sessionId: string | null;
  countryCode: string | null;
  partyId: string | null;
  cpoId: string | null;
  locationId: string | null;
  evseUid: string | null;
  connectorId: string | null;
}

export interface AuthInfo {
  method: string | null;
  /** `auth_id` (2.1.1, vendor) or `cdr_token.uid` / `token_uid`. */
  id: string | null;
  tokenType: string | null;
  contractId: string | null;
}

export interface NormalizedSession {
  shape: SessionShape;
  ids: SessionIds;
  status: string | null;
  startedAt: number | null;
  endedAt: number | null;
  lastUpdated: number | null;
  kwh: number | null;
  auth: AuthInfo;
  meterId: string | null;
  currency: string | null;
  cost: Cost | null;
  location: SiteLocation | null;
  /** The EVSE and connector the session used, when they could be found. */
  evse: Evse | null;
  connector: Connector | null;
  /** Where `evse` and `connector` sit in `location.evses` and how they were found (null: not found). */
  evseMatch: EvseMatch | null;
  periods: PeriodTable;
  /**
   * The unit the period volumes were read in. `Wh` when they looked like Wh sent as kWh (ENERGY_UNIT_SUSPECT)
   * and were divided by 1000; `kWh` otherwise, including when read with `volumes: 'as-sent'`.
   */
  volumeUnit: 'kWh' | 'Wh';
  /** True when the volumes look like Wh, whichever way they were read (the UI's "as sent" toggle). */
  whSuspected: boolean;
  /** The ENERGY volumes as the mismatch rule needs them (shared/session/energy-tolerance.ts). */
  energyRounding: EnergyRounding;
}

export interface EvseMatch {
  evseIndex: number;
  /** Index in that EVSE's connectors; null when the connector is unknown. */
  connectorIndex: number | null;
  /**
   * The reference that found the EVSE: OCPI `evse_uid`; the vendor's `evseId` (an EVSE `uid`, or its
   * `evse_id`) or `connectorId` (an EVSE `evse_id`); or the only EVSE a location without a reference lists.
   */
  by: 'evse_uid' | 'vendor_evseId' | 'vendor_connectorId' | 'only_evse';
  /** The reference's value as sent (null for `only_evse`). */
  reference: string | null;
}

export interface EnergyRounding {
  /** Sum of the periods' ENERGY volumes (kWh), null when there were none. */
  sum: number | null;
  volumes: number;
  /** Half a unit of each volume's last written decimal place, summed (kWh). */
  halfUnits: number;
  /** Half a unit of the last decimal `kwh` was written with (`"41.00"` → 0.005), when the text showed it. */
  kwhHalfUnit?: number;
}

export type ReaderErrorKind =
  'not-json' | 'not-object' | 'envelope-status' | 'envelope-no-data' | 'not-a-session' | 'unsupported-bundle';

export interface ReaderError {
  kind: ReaderErrorKind;
  /** One line a user understands. */
  message: string;
  /** Character offset for `not-json`, when the parser said. */
  position?: number;
  /** For `not-a-session`: what the JSON is instead, when it could tell (CDRs are read by the billing view). */
  detected?: 'cdr' | 'location' | 'session-patch';
  /** Envelope `status_code` and `status_message`, for `envelope-status`. */
  statusCode?: number;
  statusMessage?: string;
}

export interface ReadSuccess {
  ok: true;
  session: NormalizedSession;
  warnings: ReaderWarning[];
  checks: Check[];
}

export interface ReadFailure {
  ok: false;
  error: ReaderError;
}

export type ReadResult = ReadSuccess | ReadFailure;
