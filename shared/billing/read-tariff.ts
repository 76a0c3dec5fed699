/**
 * The Tariff reader (OCPI 2.1.1, 2.2.1, 2.3.0), field by field like the session reader: an odd field is a
 * warning at its JSON path and a null, an unusable price component is dropped with a warning, never the
 * whole tariff.
 */
import { childPath, FieldReader, isObject, type JsonObject, WarningSink } from '../session/field-reader';
import { envelopeStatus, openEnvelope } from '../session/envelope';
import { parseJsonText } from '../session/json-text';
import { readPrice } from '../session/price';
import type { ReaderError, ReaderWarning } from '../session/types';
import {
  DAYS_OF_WEEK,
  type OcpiVersion,
  type PriceComponent,
  type PriceLimit,
  type Tariff,
  type TariffDimension,
  type TariffElement,
  type TariffRestrictions,
} from './types';

const DIMENSIONS: readonly string[] = ['ENERGY', 'FLAT', 'TIME', 'PARKING_TIME'];
const TAX_INCLUDED: readonly string[] = ['YES', 'NO', 'N/A'];
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type TariffsReadResult =
  { ok: true; tariffs: Tariff[]; warnings: ReaderWarning[] } | { ok: false; error: ReaderError };

/**
 * Tariffs from a file or response: a bare Tariff, a list of them, or an envelope holding one or a list
 * (the Tariffs module's GET answers with a list).
 */
export function readTariffs(input: unknown): TariffsReadResult {
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    value = parsed.value;
  }
  const sink = new WarningSink();
  const f = new FieldReader(sink);
  let list: unknown[];
  let path = '';
  if (Array.isArray(value)) list = value;
  else if (isObject(value)) {
    const opened = openEnvelope(value, 'tariff');
    if (!opened.ok) return { ok: false, error: opened.error };
    if (envelopeStatus(value) !== null && Array.isArray(value.data)) {
      // Every tariff of a list counts: the "showing the first" warning does not apply here.
      for (const w of opened.warnings) if (w.path !== 'data') sink.add(w.path, w.message);
      list = value.data;
      path = 'data';
    } else {
      for (const w of opened.warnings) sink.add(w.path, w.message);
      list = [opened.data];
      path = opened.path;
    }
  } else
    return {
      ok: false,
      error: {
        kind: 'not-object',
        message: 'Expected a Tariff object, a list of them or a response envelope.',
      },
    };
  const tariffs: Tariff[] = [];
  list.forEach((item, i) => {
    const p = Array.isArray(value) || path === 'data' ? childPath(path, i) : path;
    if (!isObject(item)) sink.add(p, 'expected a Tariff object; ignored');
    else if (!('elements' in item)) sink.add(p, 'not a Tariff: it has no elements; ignored');
    else tariffs.push(readTariffObject(f, item, p));
  });
  if (tariffs.length === 0)
    return {
      ok: false,
      error: { kind: 'not-a-session', message: 'This JSON holds no Tariff (an object with elements).' },
    };
  return { ok: true, tariffs, warnings: sink.finish() };
}

function detectVersion(raw: JsonObject): OcpiVersion {
  const limit = isObject(raw.min_price) ? raw.min_price : isObject(raw.max_price) ? raw.max_price : null;
  if ('tax_included' in raw || 'preauthorize_amount' in raw || (limit && 'before_taxes' in limit))
    return 'ocpi-2.3.0';
  const hasVat =
    Array.isArray(raw.elements) &&
    raw.elements.some(
      (e) =>
        isObject(e) &&
        Array.isArray(e.price_components) &&
        e.price_components.some((c) => isObject(c) && 'vat' in c),
    );
  if (limit || hasVat || 'country_code' in raw || 'party_id' in raw || 'type' in raw) return 'ocpi-2.2.1';
  return 'ocpi-2.1.1';
}

/** One Tariff object; `version` when the container (a CDR) already says which OCPI version this is. */
export function readTariffObject(
  f: FieldReader,
  raw: JsonObject,
  path: string,
  version?: OcpiVersion,
): Tariff {
  const v = version ?? detectVersion(raw);
  let taxIncluded: Tariff['taxIncluded'] = null;
  const tax = f.string(raw, 'tax_included', path);
  if (tax !== null) {
    if (TAX_INCLUDED.includes(tax)) taxIncluded = tax as Tariff['taxIncluded'];
    else f.sink.add(childPath(path, 'tax_included'), `unknown tax_included "${tax}"; read as NO`);
    if (taxIncluded === null) taxIncluded = 'NO';
  } else if (v === 'ocpi-2.3.0') {
    f.sink.add(childPath(path, 'tax_included'), 'OCPI 2.3.0 requires tax_included; read as NO');
    taxIncluded = 'NO';
  }
  const elements: TariffElement[] = [];
  const list = f.array(raw, 'elements', path) ?? [];
  if (list.length === 0) f.sink.add(childPath(path, 'elements'), 'a tariff without elements prices nothing');
  list.forEach((item, i) => {
    const p = childPath(childPath(path, 'elements'), i);
    if (!isObject(item)) {
      f.sink.add(p, 'expected a tariff element object; ignored');
      elements.push({ components: [], restrictions: null });
      return;
    }
    elements.push(readElement(f, item, p));
  });
  return {
    version: v,
    id: f.string(raw, 'id', path),
    countryCode: f.string(raw, 'country_code', path),
    partyId: f.string(raw, 'party_id', path),
    currency: f.string(raw, 'currency', path),
    taxIncluded,
    type: f.string(raw, 'type', path),
    altText: readAltText(f, raw, path),
    altUrl: f.string(raw, 'tariff_alt_url', path),
    minPrice: readLimit(f, raw, 'min_price', path),
    maxPrice: readLimit(f, raw, 'max_price', path),
    startDateTime: f.date(raw, ['start_date_time'], path),
    endDateTime: f.date(raw, ['end_date_time'], path),
    elements,
    lastUpdated: f.date(raw, ['last_updated'], path),
  };
}

function readAltText(f: FieldReader, raw: JsonObject, path: string): Tariff['altText'] {
  const out: Tariff['altText'] = [];
  (f.array(raw, 'tariff_alt_text', path) ?? []).forEach((t, i) => {
    const p = childPath(childPath(path, 'tariff_alt_text'), i);
    if (!isObject(t)) return f.sink.add(p, 'expected a DisplayText object; ignored');
    const text = f.string(t, 'text', p);
    if (text !== null) out.push({ language: f.string(t, 'language', p), text });
  });
  return out;
}

/** 2.2.1 `{excl_vat, incl_vat}` or 2.3.0 PriceLimit `{before_taxes, after_taxes}`. */
function readLimit(f: FieldReader, raw: JsonObject, key: string, path: string): PriceLimit | null {
  const value = raw[key];
  const p = childPath(path, key);
  if (isObject(value) && ('before_taxes' in value || 'after_taxes' in value))
    return { exclVat: f.number(value, 'before_taxes', p), inclVat: f.number(value, 'after_taxes', p) };
  const price = readPrice(f, value, p);
  return price ? { exclVat: price.exclVat, inclVat: price.inclVat } : null;
}

function readElement(f: FieldReader, raw: JsonObject, path: string): TariffElement {
  const components: PriceComponent[] = [];
  oneOrList(f, raw, 'price_components', path).forEach((c, i) => {
    const p = childPath(childPath(path, 'price_components'), i);
    if (!isObject(c)) return f.sink.add(p, 'expected a price component object; ignored');
    const type = f.string(c, 'type', p);
    if (type === null || !DIMENSIONS.includes(type))
      return f.sink.add(
        childPath(p, 'type'),
        `unknown or missing dimension type ${JSON.stringify(type)}; component ignored`,
      );
    const price = f.number(c, 'price', p);
    if (price === null) return f.sink.add(childPath(p, 'price'), 'price component without a price; ignored');
    if (price < 0) f.sink.add(childPath(p, 'price'), `negative price ${price}; kept as given`);
    components.push({
      type: type as TariffDimension,
      price,
      vat: f.number(c, 'vat', p),
      stepSize: readStep(f, c, p),
    });
  });
  if (components.length === 0)
    f.sink.add(childPath(path, 'price_components'), 'a tariff element without usable price components');
  const key = 'restrictions' in raw ? 'restrictions' : 'restriction';
  if (
    Array.isArray(raw[key]) &&
    (raw[key] as unknown[]).length <= 1 &&
    (raw[key] as unknown[]).every(isObject)
  )
    f.sink.add(childPath(path, key), 'expected one restrictions object, got a list; read its first entry');
  const r = Array.isArray(raw[key])
    ? ((raw[key] as unknown[]).find(isObject) ?? null)
    : f.object(raw, key, path);
  if (r && key === 'restriction')
    f.sink.add(childPath(path, key), 'field is called "restrictions"; read anyway');
  const restrictionsPath = childPath(path, key);
  return { components, restrictions: r ? readRestrictions(f, r, restrictionsPath) : null };
}

/** A list field that some senders give as one bare object: read as a list of one, with a warning. */
function oneOrList(f: FieldReader, raw: JsonObject, key: string, path: string): unknown[] {
  const value = raw[key];
  if (isObject(value)) {
    f.sink.add(childPath(path, key), 'expected a list, got one object; read as a list of one');
    return [value];
  }
  return f.array(raw, key, path) ?? [];
}

function readStep(f: FieldReader, c: JsonObject, p: string): number {
  const step = f.number(c, 'step_size', p);
  if (step === null) {
    if (c.step_size === undefined) f.sink.add(childPath(p, 'step_size'), 'step_size missing; read as 1');
    return 1;
  }
  if (!Number.isInteger(step) || step < 1) {
    f.sink.add(childPath(p, 'step_size'), `step_size ${step} is not a whole number ≥ 1; read as 1`);
    return 1;
  }
  return step;
}

function readRestrictions(f: FieldReader, r: JsonObject, p: string): TariffRestrictions {
  const day: number[] = [];
  for (const name of f.stringArray(r, 'day_of_week', p)) {
    const index = DAYS_OF_WEEK.indexOf(name.toUpperCase() as (typeof DAYS_OF_WEEK)[number]);
    if (index < 0) f.sink.add(childPath(p, 'day_of_week'), `unknown day "${name}"; ignored`);
    else day.push(index);
  }
  if ('dayOfWeek' in r)
    f.sink.add(childPath(p, 'dayOfWeek'), 'unknown field: OCPI calls it day_of_week; ignored');
  const reservation = f.string(r, 'reservation', p);
  if (reservation !== null && reservation !== 'RESERVATION' && reservation !== 'RESERVATION_EXPIRES')
    f.sink.add(
      childPath(p, 'reservation'),
      `unknown reservation restriction "${reservation}"; read as RESERVATION`,
    );
  return {
    startTime: readTimeOfDay(f, r, 'start_time', p),
    endTime: readTimeOfDay(f, r, 'end_time', p),
    startDate: readDate(f, r, 'start_date', p),
    endDate: readDate(f, r, 'end_date', p),
    minKwh: f.number(r, 'min_kwh', p),
    maxKwh: f.number(r, 'max_kwh', p),
    minCurrent: f.number(r, 'min_current', p),
    maxCurrent: f.number(r, 'max_current', p),
    minPower: f.number(r, 'min_power', p),
    maxPower: f.number(r, 'max_power', p),
    minDuration: f.number(r, 'min_duration', p),
    maxDuration: f.number(r, 'max_duration', p),
    dayOfWeek: day,
    reservation:
      reservation === null
        ? null
        : reservation === 'RESERVATION_EXPIRES'
          ? 'RESERVATION_EXPIRES'
          : 'RESERVATION',
  };
}

/** `HH:MM` → minutes after midnight. `24:00` (seen in the wild, against the regex) is read as 00:00. */
function readTimeOfDay(f: FieldReader, r: JsonObject, key: string, p: string): number | null {
  const text = f.string(r, key, p);
  if (text === null) return null;
  const m = TIME_OF_DAY.exec(text.trim());
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (h === 24 && min === 0) {
    f.sink.add(
      childPath(p, key),
      '"24:00" is not an OCPI time (use 00:00 for the end of the day); read as 00:00',
    );
    return 0;
  }
  if (!(h <= 23 && min <= 59)) {
    f.sink.add(childPath(p, key), `unreadable time of day "${text}" (expected HH:MM); restriction ignored`);
    return null;
  }
  if (m && m[1].length === 1)
    f.sink.add(childPath(p, key), `time "${text}" without a leading zero; read anyway`);
  return h * 60 + min;
}

/** `YYYY-MM-DD` → days since 1970-01-01. */
function readDate(f: FieldReader, r: JsonObject, key: string, p: string): number | null {
  const text = f.string(r, key, p);
  if (text === null) return null;
  const m = DATE.exec(text.trim());
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).getUTCDate() !== Number(m[3])) {
    f.sink.add(childPath(p, key), `unreadable date "${text}" (expected YYYY-MM-DD); restriction ignored`);
    return null;
  }
  return ms / 86_400_000;
}
