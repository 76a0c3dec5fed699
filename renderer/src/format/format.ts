/** Display formatting shared by the panels: times in the chosen zone, bytes, numbers. */
import type { TimeZoneDisplay } from '../../../shared/domain/settings';

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

export function resolveZone(display: TimeZoneDisplay, siteZone: string | null): ZoneChoice {
  if (display === 'local') {
    return {
      zone: undefined,
      label: Intl.DateTimeFormat().resolvedOptions().timeZone || 'local',
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
      ...(withMs ? { fractionalSecondDigits: 3 } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** `2024-05-01 14:03:22` in the zone (ISO-like so it sorts and reads the same everywhere). */
export function formatTime(ms: number | null, zone: string | undefined, withMs = false): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone, withMs).formatToParts(ms)) parts[p.type] = p.value;
  const frac = withMs && parts.fractionalSecond ? `.${parts.fractionalSecond}` : '';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}${frac}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A number with up to `digits` decimals, or an em dash for null/NaN. */
export function formatNumber(n: number | null | undefined, digits = 3): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('en', { maximumFractionDigits: digits, useGrouping: false });
}

/** Shows the first and last characters of an identifier, the rest as dots. */
export function maskId(id: string): string {
  if (id.length <= 4) return '•'.repeat(id.length);
  return `${id.slice(0, 2)}${'•'.repeat(Math.min(8, id.length - 4))}${id.slice(-2)}`;
}
