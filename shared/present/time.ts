/** Times as the views show them: UTC, this computer's zone or the site's, and durations. */
import type { TimeZoneDisplay } from '../domain/settings';

export interface ZoneChoice {
  /** IANA zone for Intl, or undefined for this computer's zone. */
  zone: string | undefined;
  label: string;
  /** Why the shown zone is not the one asked for. */
  note: string | null;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** This computer's IANA zone. */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function resolveZone(display: TimeZoneDisplay, siteZone: string | null): ZoneChoice {
  if (display === 'local') {
    return {
      zone: undefined,
      label: localZone(),
      note: null,
    };
  }
  if (display === 'site') {
    if (siteZone && isValidTimeZone(siteZone)) return { zone: siteZone, label: siteZone, note: null };
    const note = siteZone
      ? `The site's time zone "${siteZone}" is not a known zone; showing UTC.`
      : 'The location has no time_zone; showing UTC.';
    return { zone: 'UTC', label: 'UTC', note };
  }
  return { zone: 'UTC', label: 'UTC', note: null };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string | undefined, withMs: boolean): Intl.DateTimeFormat {
  const key = `${zone ?? ''}|${withMs}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
      ...(withMs ? { fractionalSecondDigits: 3 } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

function partsOf(ms: number, zone: string | undefined, withMs: boolean): Record<string, string> {
  const parts: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of formatterFor(zone, withMs).formatToParts(ms)) parts[p.type] = p.value;
  return parts;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));
/**
 * Where offsets change only on quarter hours and years have four digits; before 1980 zones still had
 * offsets in seconds (Liberia's −0:44:30 until 1972), so the formatter itself is asked.
 */
const FAST_FROM_MS = Date.UTC(1980, 0, 1);
const FAST_TO_MS = Date.UTC(9999, 11, 30);

/**
 * `2024-05-01 14:03:22` in the zone (ISO-like so it sorts and reads the same everywhere). The wall clock is
 * the instant shifted by the zone's cached offset (one Intl lookup per quarter hour, not one per call:
 * formatToParts cost about 30 µs, and a table row or a CSV line formats two or three times); this computer's
 * zone reads the Date's own local fields.
 */
export function formatTime(ms: number | null, zone: string | undefined, withMs = false): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < FAST_FROM_MS || ms > FAST_TO_MS) {
    const p = partsOf(ms, zone, withMs);
    const frac = withMs && p.fractionalSecond ? `.${p.fractionalSecond}` : '';
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}${frac}`;
  }
  let text: string;
  let msPart: number;
  if (zone === undefined) {
    const d = new Date(ms);
    text = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
    msPart = d.getMilliseconds();
  } else {
    const d = new Date(zone === 'UTC' ? ms : ms + zoneShiftMs(ms, zone));
    text = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
    msPart = d.getUTCMilliseconds();
  }
  return withMs ? `${text}.${pad3(msPart)}` : text;
}

/**
 * ISO 8601 in the zone with its offset (`2024-05-01T12:00:00.000+02:00`); UTC keeps the `Z` form
 * `Date#toISOString` writes. Empty for an absent time.
 */
export function isoInZone(ms: number, zone: string): string {
  if (!Number.isFinite(ms)) return '';
  if (zone === 'UTC') return new Date(ms).toISOString();
  const { shiftMs, text } = zoneOffset(ms, zone);
  return new Date(ms + shiftMs).toISOString().slice(0, 23) + text;
}

/**
 * Zones change offset on quarter hours: one Intl lookup per zone and quarter hour (200,000 periods fast).
 * Several quarter hours are kept: a redraw asks for the axis ticks across the view and the table's rows in
 * turn, and one remembered quarter hour was asked again for nearly every call.
 */
const QUARTER_HOUR_MS = 900_000;
const KEPT_QUARTERS = 4096;
const offsets = new Map<string, Map<number, { shiftMs: number; text: string }>>();

function zoneOffset(ms: number, zone: string): { shiftMs: number; text: string } {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let byQuarter = offsets.get(zone);
  if (!byQuarter) offsets.set(zone, (byQuarter = new Map()));
  const cached = byQuarter.get(bucket);
  if (cached) return cached;
  // `GMT+05:30`, `GMT-03:00`, or `GMT` for a zero offset.
  const text = (partsOf(ms, zone, false).timeZoneName ?? 'GMT').replace(/^GMT/, '') || '+00:00';
  const m = /^([+-])(\d\d):(\d\d)(?::(\d\d))?$/.exec(text);
  const shiftMs = m
    ? (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000
    : 0;
  const entry = { shiftMs, text };
  // Bounded: a scan over years of periods would otherwise keep one entry per quarter hour.
  if (byQuarter.size >= KEPT_QUARTERS) byQuarter.clear();
  byQuarter.set(bucket, entry);
  return entry;
}

/** The zone's offset from UTC at `ms`, in milliseconds (by the cached lookup above). */
export function zoneShiftMs(ms: number, zone: string): number {
  return zoneOffset(ms, zone).shiftMs;
}

/** `1h 02m 05s`; negative durations keep their sign. */
export function formatSeconds(total: number): string {
  const sign = total < 0 ? '-' : '';
  let s = Math.abs(Math.round(total));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${sign}${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s`;
}
