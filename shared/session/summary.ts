/**
 * The CLI summary of a read session: the one-object form `ocpi-inspect summary --json` prints and the
 * readable text form. Both render the presenter's facts (shared/present); neither derives one.
 */
import type { Check, ReaderWarning } from './types';
import { presentSession, type ReadSessionParts, type SessionPresentation } from '../present/present-session';
import { LABELS } from '../present/labels';

export interface SessionSummary {
  sessionId: string | null;
  status: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  energyKwh: number | null;
  periodEnergyKwh: number | null;
  periodCount: number;
  /** The unit the period volumes were read in: `Wh` when they looked like Wh and were divided by 1000. */
  volumeUnit: 'kWh' | 'Wh';
  maxPowerKw: number | null;
  currency: string | null;
  totalCostExclVat: number | null;
  totalCostInclVat: number | null;
  location: { latitude: number; longitude: number } | null;
  evseUid: string | null;
  connectorId: string | null;
  /** The checks, their periods numbered from 1 as everywhere else. */
  anomalies: Check[];
  warnings: ReaderWarning[];
}

const rawId = (p: SessionPresentation, key: string): string | null =>
  p.ids.find((id) => id.key === key)?.raw ?? null;

export function summarize(read: ReadSessionParts, p = presentSession(read)): SessionSummary {
  const s = read.session;
  const coords = p.site?.coordinates ?? null;
  return {
    sessionId: p.titleRaw,
    status: s.status,
    startedAt: p.start.utc,
    endedAt: p.end.utc,
    durationSeconds: p.durationSeconds,
    energyKwh: p.energy.reported,
    periodEnergyKwh: p.energy.summed,
    periodCount: p.energy.periodCount,
    volumeUnit: s.volumeUnit,
    maxPowerKw: p.energy.maxPowerKw,
    currency: s.currency,
    totalCostExclVat: p.cost.exclVat,
    totalCostInclVat: p.cost.inclVat,
    location: coords ? { latitude: coords.latitude, longitude: coords.longitude } : null,
    evseUid: rawId(p, 'evseUid'),
    connectorId: rawId(p, 'connectorId'),
    anomalies: read.checks.map((c) =>
      c.periods ? { ...c, periods: [c.periods[0] + 1, c.periods[1] + 1] } : c,
    ),
    warnings: read.warnings,
  };
}

/** The presentation as readable text for a terminal; every value already shows invisible characters. */
export function formatSummaryText(p: SessionPresentation): string {
  const v = (x: string | null | undefined): string => (x === null || x === undefined || x === '' ? '—' : x);
  const row = (label: string, value: string): string => `${label.padEnd(18)}${value}`;
  const id = (key: string): string => v(p.ids.find((i) => i.key === key)?.text);
  const lines = [
    row(LABELS.sessionId, id('sessionId')),
    row(LABELS.vendorSessionId, id('vendorSessionId')),
    row(LABELS.status, v(p.status)),
    row(LABELS.party, id('party')),
    row(LABELS.start, v(p.start.utc)),
    row(LABELS.end, `${v(p.end.utc)}${p.duration ? `  (${p.duration})` : ''}`),
    row(LABELS.energy, `${p.energy.line}${p.energy.maxPower ? `, ${p.energy.maxPower}` : ''}`),
    row('', p.energy.explanation),
    ...p.costLines.map((line, i) => row(i === 0 ? LABELS.cost : '', line)),
    row(LABELS.auth, [p.authMethod, p.tokenType, p.authId?.masked].filter(Boolean).join(' · ') || '—'),
    row(LABELS.site, v([p.site?.name, p.site?.address, p.site?.coordinatesText].filter(Boolean).join(' · '))),
    row(LABELS.evse, v(p.equipment.used)),
    ...(p.equipment.note ? [row('', p.equipment.note)] : []),
    ...(p.cdr
      ? [
          row(p.cdr.id.label, v(p.cdr.id.text)),
          ...p.cdr.costLines.map((line, i) => row(i === 0 ? 'CDR cost' : '', line)),
        ]
      : []),
    '',
    p.checks.length ? `Checks (${p.checks.length})` : 'Checks: none fired',
    ...p.checks.map(
      (c) => `  [${c.severity.toUpperCase()}] ${c.code}: ${c.message}${c.periods ? ` (${c.periods})` : ''}`,
    ),
  ];
  if (p.warnings.length) {
    lines.push(
      '',
      `Reader warnings (${p.warnings.length})`,
      ...p.warnings.map((w) => `  ${w.path || '(root)'}: ${w.message}`),
    );
  }
  return lines.join('\n') + '\n';
}
