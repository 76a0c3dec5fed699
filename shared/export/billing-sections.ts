/**
 * The billing section of the triage summary (Markdown) and of the HTML report, both rendered from the one
 * billing view (shared/billing/billing-view): empty when no CDR or tariff is attached.
 */
import { type BillingView, presentBilling } from '../billing/billing-view';
import type { LoadedSession } from '../domain/loaded-session';
import { visibleText } from '../present/visible-text';
import { escapeHtml } from './html-escape';
import { escapeMarkdown } from './triage-markdown';

const md = (t: string): string => escapeMarkdown(t);

/** Markdown lines (times in `zone`), or none without billing. */
export function billingMarkdownLines(loaded: LoadedSession, zone = 'UTC'): string[] {
  const view = presentBilling(loaded, zone);
  if (!view) return [];
  const lines = ['', '### Billing'];
  if (!view.hasSession) lines.push('_No session: this is a CDR._');
  for (const r of view.comparison.filter((r) => r.agrees === false))
    lines.push(
      `- **${md(r.label)} differs:** session ${md(r.session)} · CDR ${md(r.cdr)} (${r.by.join(', ')})`,
    );
  for (const t of view.tariffs) lines.push(`- **Tariff ${md(t.id)}:** ${md(t.words)}`);
  if (view.total)
    lines.push(
      `- **Engine total:** ${md(view.total.exclVat)} excl. VAT · ${md(view.total.inclVat)} incl. VAT`,
    );
  for (const r of view.breakdown)
    lines.push(
      `  - ${md(r.dimension)} tariff ${md(r.tariff)} element ${r.element}: ${r.volume} ${r.unit} × ${md(r.price)} = ${md(r.exclVat)} excl. / ${md(r.inclVat)} incl. (VAT ${r.vat}; periods ${r.periods})`,
    );
  lines.push(
    view.checks.length ? `- **Billing checks (${view.checks.length}):**` : '- **Billing checks:** none fired',
  );
  for (const c of view.checks)
    lines.push(`  - **${c.severity.toUpperCase()}** \`${c.code}\`: ${md(c.message)}`);
  return lines;
}

const h = (v: string): string => escapeHtml(visibleText(v));

function comparisonTable(view: BillingView): string {
  const rows = view.comparison
    .map(
      (r) =>
        `<tr${r.agrees === false ? ' class="error"' : ''}><th scope="row">${h(r.label)}</th>${view.hasSession ? `<td>${h(r.session)}</td>` : ''}<td>${h(r.cdr)}</td>${view.hasSession ? `<td>${r.agrees === null ? '' : r.agrees ? 'agrees' : `differs (${h(r.by.join(', '))})`}</td>` : ''}</tr>`,
    )
    .join('');
  const head = view.hasSession
    ? '<th scope="col">Session</th><th scope="col">CDR</th><th scope="col">Verdict</th>'
    : '<th scope="col">CDR</th>';
  return `<table><thead><tr><th scope="col">Field</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function breakdownTable(view: BillingView): string {
  if (!view.total) return '<p>No tariff: the periods were not priced.</p>';
  const rows = view.breakdown
    .map(
      (r) =>
        `<tr><td>${h(r.dimension)}</td><td class="mono">${h(r.tariff)}</td><td>${h(r.element)}</td><td>${h(r.volume)}</td><td>${h(r.unit)}</td><td>${h(r.price)}</td><td>${h(r.vat)}</td><td>${h(r.exclVat)}</td><td>${h(r.inclVat)}</td><td>${h(r.periods)}</td><td>${h(r.notes.join(' '))}</td></tr>`,
    )
    .join('');
  const cols = [
    'Dimension',
    'Tariff',
    'Element',
    'Volume',
    'Unit',
    'Price',
    'VAT',
    'Excl. VAT',
    'Incl. VAT',
    'Periods',
    'Notes',
  ];
  return `<p>Engine total ${h(view.total.exclVat)} excl. VAT, ${h(view.total.inclVat)} incl. VAT (the ${view.costOf === 'cdr' ? "CDR's" : "session's"} periods).</p><table><thead><tr>${cols.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The report's Billing section (times in `zone`), or '' without billing. */
export function billingHtmlSection(loaded: LoadedSession, zone: string): string {
  const view = presentBilling(loaded, zone);
  if (!view) return '';
  const tariffs = view.tariffs.length
    ? `<ul>${view.tariffs.map((t) => `<li><span class="mono">${h(t.id)}</span>: ${h(t.words)}</li>`).join('')}</ul>`
    : '<p>No tariff.</p>';
  const checks = view.checks.length
    ? `<table><thead><tr><th scope="col">Severity</th><th scope="col">Check</th><th scope="col">Finding</th></tr></thead><tbody>${view.checks.map((c) => `<tr class="${escapeHtml(c.severity)}"><td>${escapeHtml(c.severity)}</td><td class="mono">${escapeHtml(c.code)}</td><td>${h(c.message)}</td></tr>`).join('')}</tbody></table>`
    : '<p>No billing check fired.</p>';
  return `<section aria-labelledby="billing-h"><h2 id="billing-h">Billing</h2>${view.hasSession ? '' : '<p>No session: this is a CDR.</p>'}${comparisonTable(view)}<h3>Tariffs</h3>${tariffs}<h3>Cost breakdown</h3>${breakdownTable(view)}<h3>Billing checks</h3>${checks}</section>`;
}
