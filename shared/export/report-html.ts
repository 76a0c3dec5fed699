/**
 * The self-contained HTML report: one file that opens offline in any browser and makes no request at all
 * (a CSP meta tag forbids every fetch; the only script is the period viewer, allowed by its hash). Every
 * string from the session is escaped, so hostile values stay text.
 */
import type { LoadedSession } from '../domain/loaded-session';
import { type ExportTimes, exportZone } from './export-times';
import type { PresentedConnector, PresentedEvse } from '../present/equipment';
import { LABELS } from '../present/labels';
import { type PresentedCheck, presentSession, type SessionPresentation } from '../present/present-session';
import { visibleText } from '../present/visible-text';
import type { Basemap } from './basemap';
import { billingHtmlSection } from './billing-sections';
import { escapeHtml, jsonForScript } from './html-escape';
import { mapSvg } from './report-map-svg';
import { PERIOD_VIEWER_SCRIPT, PERIOD_VIEWER_SCRIPT_SHA256, periodData } from './report-period-viewer';
import { timelineSvg } from './report-timeline-svg';

export interface ReportOptions {
  basemap: Basemap;
  appVersion: string;
  generatedAt?: Date;
  /** Name the period viewer gives the CSV it saves. */
  csvFileName?: string;
  /** Show auth and contract ids in clear; by default they are masked, as the app shows them. */
  revealIds?: boolean;
  /** Times in UTC (default) or in the site's zone (UTC when the site has none). */
  times?: ExportTimes;
}

const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src '${PERIOD_VIEWER_SCRIPT_SHA256}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function renderHtmlReport(loaded: LoadedSession, opts: ReportOptions): string {
  const s = loaded.session;
  const p = presentSession(loaded, { timeZone: opts.times ?? 'utc' });
  const id = p.title;
  const zone = p.zone.note ? `${p.zone.label} (${p.zone.note})` : p.zone.label;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Charging session ${escapeHtml(id)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Charging session <span class="mono">${escapeHtml(id)}</span></h1>
<p class="muted">Report by Session Inspector ${escapeHtml(opts.appVersion)}, ${escapeHtml((opts.generatedAt ?? new Date()).toISOString())}. Times in ${escapeHtml(zone)}.</p>
</header>
<main>
<section aria-labelledby="details-h"><h2 id="details-h">Details</h2>${detailsList(p, opts.revealIds ?? false)}</section>
<section aria-labelledby="checks-h"><h2 id="checks-h">Checks</h2>${checksTable(p.checks)}${warningsList(p)}</section>
${billingHtmlSection(loaded, exportZone(opts.times ?? 'utc', s))}
<section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
<p class="legend"><span class="kw">━ average power (kW)</span> <span class="kwh">━ cumulative energy (kWh)</span></p>
${timelineSvg(s.periods)}</section>
<section aria-labelledby="site-h"><h2 id="site-h">Site and equipment</h2>
<div class="site">${mapSvg(p.map, opts.basemap, p.site?.name ?? p.site?.address ?? 'site')}${siteList(p)}</div>
${evseTable(p)}</section>
<section aria-labelledby="periods-h"><h2 id="periods-h">Charging periods (${s.periods.count})</h2>
<p><button type="button" id="periods-first" hidden>First</button> <button type="button" id="periods-prev" hidden>Previous</button>
<span id="periods-status" role="status">The period table needs JavaScript; everything above does not.</span>
<button type="button" id="periods-next" hidden>Next</button> <button type="button" id="periods-last" hidden>Last</button>
<button type="button" id="periods-csv" hidden>Save as CSV</button></p>
<table id="periods" class="periods"><tbody></tbody></table>
<script type="application/json" id="period-data">${jsonForScript(periodData(s.periods, opts.csvFileName ?? 'periods.csv', exportZone(opts.times ?? 'utc', s)))}</script>
<script>${PERIOD_VIEWER_SCRIPT}</script>
</section>
</main>
</body>
</html>
`;
}

const text = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === ''
    ? '<span class="muted">—</span>'
    : escapeHtml(visibleText(String(v)));

/** Rows of a definition list; a value is text (escaped here) or `{ html }` already built from escaped text. */
type DlValue = string | number | null | undefined | { html: string };

function dl(rows: [string, DlValue][]): string {
  const cell = (v: DlValue): string => (typeof v === 'object' && v !== null ? v.html : text(v));
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${cell(v)}</dd>`).join('')}</dl>`;
}

const lines = (items: string[]): { html: string } => ({
  html: items.map((line) => `<div>${text(line)}</div>`).join(''),
});

function detailsList(p: SessionPresentation, revealIds: boolean): string {
  const f = p.source?.fetch;
  const account = (a: SessionPresentation['authId']): string | null =>
    a === null ? null : revealIds ? a.clear : a.masked;
  const energy = {
    html: `${text(p.energy.line)}${p.energy.maxPower ? `, ${text(p.energy.maxPower)}` : ''}<div class="energy-${p.energy.verdict}">${text(p.energy.explanation)}</div>`,
  };
  return dl([
    ...p.ids.map((id): [string, DlValue] => [id.label, id.text]),
    [LABELS.status, p.status],
    [LABELS.format, p.shape],
    [LABELS.start, p.start.iso],
    [LABELS.end, p.end.iso],
    [LABELS.duration, p.duration],
    [LABELS.lastUpdated, p.lastUpdated.iso],
    [LABELS.energy, energy],
    [LABELS.cost, lines(p.costLines)],
    [LABELS.auth, [p.authMethod, p.tokenType].filter(Boolean).join(' · ') || null],
    [LABELS.authId, account(p.authId)],
    [LABELS.contractId, account(p.contractId)],
    [LABELS.meter, p.meterId],
    [LABELS.evse, p.equipment.used],
    [LABELS.source, p.source?.line],
    ['URL', f?.url],
    ['Fetched at', f?.fetchedAt],
    ['Request id', f?.requestId],
    ['Correlation id', f?.correlationId],
  ]);
}

function siteList(p: SessionPresentation): string {
  const l = p.site;
  if (!l) return '<p class="muted">No location in this session.</p>';
  const rows = dl([
    [LABELS.locationId, l.id],
    ['Name', l.name],
    ['Address', l.address],
    ['Coordinates', l.coordinatesText],
    ['Time zone', l.timeZone],
    ['Operator', l.operator],
  ]);
  // A link the user clicks is fine offline; it is never loaded by the report itself.
  const link = l.website
    ? `<p>Operator website: <a href="${escapeHtml(l.website)}" rel="noopener noreferrer">${escapeHtml(l.website)}</a></p>`
    : '';
  return `<div>${rows}${link}</div>`;
}

function evseTable(p: SessionPresentation): string {
  const { evses, note } = p.equipment;
  const noted = note ? `<p class="muted">${text(note)}</p>` : '';
  if (evses.length === 0) return `<p class="muted">No EVSE information.</p>${noted}`;
  const rows: string[] = [];
  for (const evse of evses) {
    const connectors: (PresentedConnector | null)[] = evse.connectors.length ? evse.connectors : [null];
    for (const c of connectors) rows.push(evseRow(evse, c, evse.used && (c === null || c.used)));
  }
  return `<table><caption>EVSEs and connectors (● marks the one used)</caption>
<thead><tr><th scope="col">Used</th><th scope="col">${LABELS.evseUid}</th><th scope="col">EVSE id</th><th scope="col">Status</th><th scope="col">Connector</th><th scope="col">Standard</th><th scope="col">Power type</th><th scope="col">Max power</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>${noted}`;
}

function evseRow(evse: PresentedEvse, c: PresentedConnector | null, used: boolean): string {
  return `<tr${used ? ' class="used"' : ''}><td>${used ? '●' : ''}</td><td>${text(evse.uid)}</td><td>${text(evse.evseId)}</td><td>${text(evse.status)}</td><td>${text(c?.id)}</td><td>${text(c?.standard)}</td><td>${text(c?.powerType)}</td><td>${text(c?.maxPower)}</td></tr>`;
}

function checksTable(checks: PresentedCheck[]): string {
  if (checks.length === 0) return '<p>No findings: every check passed.</p>';
  const rows = checks
    .map(
      (c) =>
        `<tr class="${escapeHtml(c.severity)}"><td>${escapeHtml(c.severity)}</td><td class="mono">${escapeHtml(c.code)}</td><td>${escapeHtml(c.message)}</td><td>${c.range ? (c.range[0] === c.range[1] ? c.range[0] : `${c.range[0]}–${c.range[1]}`) : ''}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th scope="col">Severity</th><th scope="col">Check</th><th scope="col">Finding</th><th scope="col">Periods</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function warningsList(p: SessionPresentation): string {
  if (p.warnings.length === 0) return '';
  const items = p.warnings
    .map((w) => `<li><span class="mono">${escapeHtml(w.path)}</span>: ${escapeHtml(w.message)}</li>`)
    .join('');
  return `<h3>Reader warnings (${p.warnings.length})</h3><ul>${items}</ul>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;background:#fff;margin:0 auto;max-width:1040px;padding:16px 24px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:15px}
.muted{color:#57606a}.mono{font-family:ui-monospace,Menlo,Consolas,monospace}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}dt{color:#57606a}dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;margin:8px 0;width:100%}th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}caption{text-align:left;color:#57606a;padding:4px 0}
tr.error td:first-child{color:#a40e26;font-weight:600}tr.warning td:first-child{color:#7d4e00;font-weight:600}tr.used{background:#eef6ff}
.periods td{font-variant-numeric:tabular-nums;white-space:nowrap}
.site{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.site>div{flex:1;min-width:260px}
svg text{font:11px system-ui,sans-serif;fill:#424a53}.plot{fill:#fbfcfd;stroke:#d0d7de}.axis{stroke:#8c959f}
.kw-line{fill:none;stroke:#0969da;stroke-width:1.5}.kwh-line{fill:none;stroke:#1a7f37;stroke-width:1.5}
.legend .kw{color:#0969da}.legend .kwh{color:#1a7f37}text.kw{fill:#0969da}text.kwh{fill:#1a7f37}
.sea{fill:#dbe9f6}.land path{fill:#f4f1ea;stroke:#9a8f7d;stroke-width:.6}.site circle.site{fill:#cf222e;stroke:#fff;stroke-width:1.5}.halo{fill:#cf222e;opacity:.25}circle.probable{fill:none;stroke:#8250df;stroke-width:2;stroke-dasharray:3 2}.legend-box{fill:#fff;opacity:.85}.energy-differ{color:#a40e26}.credit{fill:#57606a;font-size:10px}
button{font:inherit}
@media print{button,#periods-status{display:none}}
`;
