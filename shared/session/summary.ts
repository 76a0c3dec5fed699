/** The one-object summary of a read session: what `ocpi-inspect summary --json` prints. */
import type { Check, ReadSuccess, ReaderWarning } from './types';
import { toIso } from './iso-date';

export interface SessionSummary {
  sessionId: string | null;
  status: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  energyKwh: number | null;
  periodEnergyKwh: number | null;
  periodCount: number;
  maxPowerKw: number | null;
  currency: string | null;
  totalCostExclVat: number | null;
  totalCostInclVat: number | null;
  location: { latitude: number; longitude: number } | null;
  evseUid: string | null;
  connectorId: string | null;
  anomalies: Check[];
  warnings: ReaderWarning[];
}

export function summarize(read: ReadSuccess): SessionSummary {
  const s = read.session;
  const p = s.periods;
  let energy = 0;
  let hasEnergy = false;
  let maxPower = -Infinity;
  for (let i = 0; i < p.count; i++) {
    const e = p.energyKwh[i];
    if (!Number.isNaN(e)) {
      energy += e;
      hasEnergy = true;
    }
    const w = p.powerKw[i];
    if (w > maxPower) maxPower = w;
  }
  return {
    sessionId: s.ids.id ?? s.ids.sessionId,
    status: s.status,
    startedAt: toIso(s.startedAt),
    endedAt: toIso(s.endedAt),
    durationSeconds: s.startedAt !== null && s.endedAt !== null ? (s.endedAt - s.startedAt) / 1000 : null,
    energyKwh: s.kwh,
    // Summing floats adds noise in the 15th digit; 9 decimals is far below any meter's resolution.
    periodEnergyKwh: hasEnergy ? Number(energy.toFixed(9)) : null,
    periodCount: p.count,
    maxPowerKw: Number.isFinite(maxPower) ? Number(maxPower.toFixed(6)) : null,
    currency: s.currency,
    totalCostExclVat: s.cost?.exclVat ?? null,
    totalCostInclVat: s.cost?.inclVat ?? null,
    location: s.location?.coordinates
      ? { latitude: s.location.coordinates.latitude, longitude: s.location.coordinates.longitude }
      : null,
    evseUid: s.ids.evseUid,
    connectorId: s.ids.connectorId,
    anomalies: read.checks,
    warnings: read.warnings,
  };
}

/** The same summary as readable text for a terminal. */
export function formatSummaryText(sum: SessionSummary): string {
  const v = (x: string | number | null): string => (x === null ? '—' : String(x));
  const lines = [
    `Session      ${v(sum.sessionId)}  (${v(sum.status)})`,
    `Started      ${v(sum.startedAt)}`,
    `Ended        ${v(sum.endedAt)}${sum.durationSeconds !== null ? `  (${formatSeconds(sum.durationSeconds)})` : ''}`,
    `Energy       ${v(sum.energyKwh)} kWh reported, ${v(sum.periodEnergyKwh)} kWh in ${sum.periodCount} period(s)`,
    `Max power    ${sum.maxPowerKw === null ? '—' : `${Number(sum.maxPowerKw.toFixed(3))} kW`}`,
    `Cost         ${v(sum.totalCostExclVat)} excl. VAT, ${v(sum.totalCostInclVat)} incl. VAT ${v(sum.currency)}`,
    `Location     ${sum.location ? `${sum.location.latitude}, ${sum.location.longitude}` : '—'}`,
    `EVSE         ${v(sum.evseUid)}  connector ${v(sum.connectorId)}`,
    '',
    sum.anomalies.length ? `Checks (${sum.anomalies.length})` : 'Checks: none fired',
    ...sum.anomalies.map(
      (c) =>
        `  [${c.severity.toUpperCase()}] ${c.code}: ${c.message}${c.periods ? ` (periods ${c.periods[0] + 1}–${c.periods[1] + 1})` : ''}`,
    ),
  ];
  if (sum.warnings.length) {
    lines.push(
      '',
      `Reader warnings (${sum.warnings.length})`,
      ...sum.warnings.map((w) => `  ${w.path || '(root)'}: ${w.message}`),
    );
  }
  return lines.join('\n') + '\n';
}

export function formatSeconds(total: number): string {
  const sign = total < 0 ? '-' : '';
  let s = Math.abs(Math.round(total));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${sign}${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s`;
}
