/**
 * The "Copy triage summary" text: one session as Markdown a support engineer pastes into a ticket. It
 * renders the presenter's facts (shared/present) with the same labels as every other view.
 */
import type { LoadedSession } from '../domain/loaded-session';
import { LABELS } from '../present/labels';
import { billingMarkdownLines } from './billing-sections';
import { presentSession } from '../present/present-session';

/**
 * Session strings come from a server: keep them from turning into Markdown links, emphasis or HTML.
 * Brackets are escaped (no `[text](url)` link can form without them), parentheses are not: `\(` shows
 * up as such in Slack and Jira.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

const v = (value: string | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : escapeMarkdown(value);

export function triageMarkdown(loaded: LoadedSession): string {
  const p = presentSession(loaded);
  const id = (key: string): string => v(p.ids.find((i) => i.key === key)?.text);
  const site = p.site;
  const lines = [
    `## Charging session ${v(p.title)}`,
    '',
    `- **${LABELS.status}:** ${v(p.status)}`,
    `- **${LABELS.sessionId}:** ${id('sessionId')} · **${LABELS.vendorSessionId}:** ${id('vendorSessionId')}`,
    `- **${LABELS.party}:** ${id('party')} · **${LABELS.cpoId}:** ${id('cpoId')}`,
    `- **${LABELS.start}:** ${v(p.start.utc)} · **${LABELS.end}:** ${v(p.end.utc)}` +
      (p.duration !== null ? ` · **${LABELS.duration}:** ${p.duration}` : ''),
    `- **${LABELS.energy}:** ${v(p.energy.line)}${p.energy.maxPower ? `, ${p.energy.maxPower}` : ''}`,
    `  ${v(p.energy.explanation)}`,
    `- **${LABELS.cost}:** ${p.costLines.map(v).join(' · ')}`,
    `- **${LABELS.site}:** ${v(site?.name)}, ${v(site?.address)}` +
      (site?.coordinatesText ? ` (${site.coordinatesText})` : ''),
    `- **${LABELS.evse}:** ${v(p.equipment.used)}` + (p.equipment.note ? ` (${v(p.equipment.note)})` : ''),
  ];
  const fetch = p.source?.fetch;
  if (fetch) {
    lines.push(
      `- **Fetched:** ${v(fetch.fetchedAt)} · HTTP ${fetch.status} · request id ${v(fetch.requestId)}` +
        (fetch.responseCorrelationId ? ` · correlation id ${v(fetch.responseCorrelationId)}` : ''),
    );
  } else if (p.source?.fileName) {
    lines.push(`- **File:** ${v(p.source.fileName)}`);
  }
  lines.push('', p.checks.length ? `### Checks (${p.checks.length})` : '### Checks: none fired');
  for (const c of p.checks)
    lines.push(
      `- **${c.severity.toUpperCase()}** \`${c.code}\`: ${v(c.message)}${c.periods ? ` (${c.periods})` : ''}`,
    );
  if (p.warnings.length) lines.push('', `_${p.warnings.length} reader warning(s) in the raw response._`);
  lines.push(...billingMarkdownLines(loaded));
  return lines.join('\n') + '\n';
}
