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

/** `2024-05-01 14:03:22` in the zone (ISO-like so it sorts and reads the same everywhere). */
export function formatTime(ms: number | null, zone: string | undefined, withMs = false): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const p = partsOf(ms, zone, withMs);
  const frac = withMs && p.fractionalSecond ? `.${p.fractionalSecond}` : '';
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}${frac}`;
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

/** Zones change offset on quarter hours: one Intl lookup per zone and quarter hour (200,000 periods fast). */
const QUARTER_HOUR_MS = 900_000;
const lastOffset = new Map<string, { bucket: number; shiftMs: number; text: string }>();

function zoneOffset(ms: number, zone: string): { shiftMs: number; text: string } {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const cached = lastOffset.get(zone);
  if (cached && cached.bucket === bucket) return cached;
  // `GMT+05:30`, `GMT-03:00`, or `GMT` for a zero offset.
  const text = (partsOf(ms, zone, false).timeZoneName ?? 'GMT').replace(/^GMT/, '') || '+00:00';
  const m = /^([+-])(\d\d):(\d\d)(?::(\d\d))?$/.exec(text);
  const shiftMs = m
    ? (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000
    : 0;
  const entry = { bucket, shiftMs, text };
  lastOffset.set(zone, entry);
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
