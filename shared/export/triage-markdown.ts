/** The "Copy triage summary" text: one session as Markdown a support engineer pastes into a ticket. */
import type { LoadedSession } from '../domain/loaded-session';
import { formatSeconds, summarize } from '../session/summary';
import { toIso } from '../session/iso-date';

/** Session strings come from a server: keep them from turning into Markdown links, emphasis or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#|!~]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

const v = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : escapeMarkdown(String(value));

export function triageMarkdown(loaded: LoadedSession): string {
  const s = loaded.session;
  const sum = summarize({ ok: true, session: s, warnings: loaded.warnings, checks: loaded.checks });
  const site = s.location;
  const cost = s.cost;
  const currency = s.currency ?? '';
  const lines = [
    // The vendor's own session id is what people search tickets for; OCPI-only sessions have just `id`.
    `## Charging session ${v(s.ids.sessionId ?? s.ids.id)}`,
    '',
    `- **Status:** ${v(s.status)}`,
    `- **OCPI id:** ${v(s.ids.id)} · **session id:** ${v(s.ids.sessionId)}`,
    `- **Party:** ${v(s.ids.countryCode)}/${v(s.ids.partyId)} · **CPO:** ${v(s.ids.cpoId)}`,
    `- **Start:** ${v(toIso(s.startedAt))} · **End:** ${v(toIso(s.endedAt))}` +
      (sum.durationSeconds !== null ? ` · **Duration:** ${formatSeconds(sum.durationSeconds)}` : ''),
    `- **Energy:** ${v(sum.energyKwh)} kWh reported, ${v(sum.periodEnergyKwh)} kWh summed over ${sum.periodCount} period(s)` +
      (sum.maxPowerKw !== null ? `, max ${Number(sum.maxPowerKw.toFixed(3))} kW` : ''),
    cost
      ? `- **Cost:** ${v(cost.exclVat)} excl. VAT, ${v(cost.inclVat)} incl. VAT ${v(currency)}`
      : `- **Cost:** —`,
    `- **Site:** ${v(site?.name)}, ${v([site?.address, site?.postalCode, site?.city, site?.country].filter(Boolean).join(' '))}` +
      (sum.location ? ` (${sum.location.latitude}, ${sum.location.longitude})` : ''),
    `- **EVSE:** ${v(s.evse?.evseId ?? s.ids.evseUid)} · **connector:** ${v(s.ids.connectorId)}`,
  ];
  const fetch = loaded.source.fetch;
  if (fetch) {
    lines.push(
      `- **Fetched:** ${v(fetch.fetchedAt)} · HTTP ${fetch.status} · request id ${v(fetch.requestId)}` +
        (fetch.responseCorrelationId ? ` · correlation id ${v(fetch.responseCorrelationId)}` : ''),
    );
  } else if (loaded.source.fileName) {
    lines.push(`- **File:** ${v(loaded.source.fileName)}`);
  }
  lines.push('', sum.anomalies.length ? `### Checks (${sum.anomalies.length})` : '### Checks: none fired');
  for (const c of sum.anomalies) {
    const range = c.periods ? ` (periods ${c.periods[0] + 1}–${c.periods[1] + 1})` : '';
    lines.push(`- **${c.severity.toUpperCase()}** \`${c.code}\`: ${v(c.message)}${range}`);
  }
  if (loaded.warnings.length)
    lines.push('', `_${loaded.warnings.length} reader warning(s) in the raw response._`);
  return lines.join('\n') + '\n';
}
