/** Normalized CDRs and Tariffs, and what the cost engine and the reconciliation checks produce. */
import type { Cost, PeriodTable, ReaderWarning, Severity, SiteLocation } from '../session/types';

export type OcpiVersion = 'ocpi-2.1.1' | 'ocpi-2.2.1' | 'ocpi-2.3.0';

export type TariffDimension = 'ENERGY' | 'FLAT' | 'TIME' | 'PARKING_TIME';

export const DAYS_OF_WEEK = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

export type ReservationRestriction = 'RESERVATION' | 'RESERVATION_EXPIRES';

export interface PriceComponent {
  type: TariffDimension;
  /** Per kWh, per hour, or per session (FLAT); incl. or excl. taxes by the tariff's `taxIncluded`. */
  price: number;
  /** VAT percentage; null: none given (no VAT applies, or under 2.3.0 taxes are unknown). */
  vat: number | null;
  /** Wh for ENERGY, seconds for TIME and PARKING_TIME; 1 for FLAT. */
  stepSize: number;
}

export interface TariffRestrictions {
  /** Minutes after local midnight (`13:30` → 810); null when absent. */
  startTime: number | null;
  endTime: number | null;
  /** Local dates as days since 1970-01-01; start inclusive, end exclusive. */
  startDate: number | null;
  endDate: number | null;
  minKwh: number | null;
  maxKwh: number | null;
  minCurrent: number | null;
  maxCurrent: number | null;
  minPower: number | null;
  maxPower: number | null;
  /** Seconds. */
  minDuration: number | null;
  maxDuration: number | null;
  /** Monday = 0 … Sunday = 6; empty: every day. */
  dayOfWeek: number[];
  reservation: ReservationRestriction | null;
}

export interface TariffElement {
  components: PriceComponent[];
  restrictions: TariffRestrictions | null;
}

export interface PriceLimit {
  exclVat: number | null;
  inclVat: number | null;
}

export interface Tariff {
  version: OcpiVersion;
  id: string | null;
  countryCode: string | null;
  partyId: string | null;
  currency: string | null;
  /** 2.3.0 `tax_included`; null before 2.3.0 (prices are excl. VAT there). */
  taxIncluded: 'YES' | 'NO' | 'N/A' | null;
  type: string | null;
  altText: { language: string | null; text: string }[];
  altUrl: string | null;
  minPrice: PriceLimit | null;
  maxPrice: PriceLimit | null;
  /** Validity window (epoch ms), when given. */
  startDateTime: number | null;
  endDateTime: number | null;
  elements: TariffElement[];
  lastUpdated: number | null;
}

export interface Cdr {
  version: OcpiVersion;
  id: string | null;
  countryCode: string | null;
  partyId: string | null;
  sessionId: string | null;
  startedAt: number | null;
  endedAt: number | null;
  lastUpdated: number | null;
  auth: { method: string | null; id: string | null; tokenType: string | null; contractId: string | null };
  authorizationReference: string | null;
  /** 2.1.1 embeds a Location; 2.2+ a CdrLocation (EVSE and connector fields flattened in). */
  location: SiteLocation | null;
  evseUid: string | null;
  evseId: string | null;
  connectorId: string | null;
  meterId: string | null;
  currency: string | null;
  tariffs: Tariff[];
  periods: PeriodTable;
  /** kWh and hours, as the CDR states them. */
  totalEnergy: number | null;
  totalTime: number | null;
  totalParkingTime: number | null;
  totalCost: Cost | null;
  totalFixedCost: Cost | null;
  totalEnergyCost: Cost | null;
  totalTimeCost: Cost | null;
  totalParkingCost: Cost | null;
  totalReservationCost: Cost | null;
  signedData: boolean;
  credit: boolean | null;
  creditReferenceId: string | null;
  remark: string | null;
  invoiceReferenceId: string | null;
  /** Sum of the periods' ENERGY volumes and the rounding their decimals explain (kWh). */
  periodEnergy: { sum: number | null; volumes: number; halfUnits: number };
}

/** Every reconciliation check (shared/billing/reconcile.ts), in the order issue 12 names them. */
export const BILLING_CHECK_CODES = [
  'CDR_SESSION_ID_MISMATCH',
  'CDR_ENERGY_MISMATCH',
  'CDR_TIME_MISMATCH',
  'CDR_PARKING_MISMATCH',
  'CDR_TOTALS_INCONSISTENT',
  'CDR_COST_MISMATCH',
  'SESSION_COST_MISMATCH',
  'TARIFF_NOT_FOUND',
  'CURRENCY_MISMATCH',
  'CDR_MISSING',
] as const;
export type BillingCheckCode = (typeof BILLING_CHECK_CODES)[number];

export interface BillingCheck {
  code: BillingCheckCode;
  severity: Severity;
  message: string;
  /** First and last period index (inclusive) the finding is about, in the table `periodsOf` names. */
  periods?: [number, number];
  periodsOf?: 'session' | 'cdr';
}

export type CostUnit = 'kWh' | 'h' | 'session';

export interface CostComponent {
  /** The tariff dimension priced, or the price limit that corrected the total. */
  type: TariffDimension | 'MIN_PRICE' | 'MAX_PRICE';
  tariffId: string | null;
  /** Index of the tariff element in `elements`; null for a price-limit row. */
  element: number | null;
  /** True for reservation time and fees (elements with a `reservation` restriction). */
  reservation: boolean;
  /** Billed volume in `unit`, after step rounding. */
  volume: number;
  unit: CostUnit;
  price: number;
  vat: number | null;
  costExclVat: number | null;
  costInclVat: number | null;
  /** Period index ranges (inclusive) this row priced. */
  periods: [number, number][];
  /** Why this row is what it is, where a rule decided (step rounding, split periods, taxes). */
  notes: string[];
}

export interface CostResult {
  currency: string | null;
  totalExclVat: number | null;
  totalInclVat: number | null;
  components: CostComponent[];
  /** Rules the engine applied to this session, in words. */
  notes: string[];
  /** Excl. VAT cost of what step rounding added: a CDR computed without it may differ by this much. */
  stepRoundingExclVat: number;
  stepRoundingInclVat: number;
  /** True when restrictions on times of day, dates or days had to be read in UTC (no usable time zone). */
  timeZoneUnknown: boolean;
}

export interface CdrReadSuccess {
  ok: true;
  cdr: Cdr;
  warnings: ReaderWarning[];
}
