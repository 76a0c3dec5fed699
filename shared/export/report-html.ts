/**
 * The self-contained HTML report: one file that opens offline in any browser and makes no request at all
 * (a CSP meta tag forbids every fetch; the only script is the period viewer, allowed by its hash). Every
 * string from the session is escaped, so hostile values stay text.
 */
import type { LoadedSession } from '../domain/loaded-session';
import type { Check, Connector, Evse, NormalizedSession } from '../session/types';
import { formatSeconds } from '../session/summary';
import type { Basemap } from './basemap';
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
  const id = s.ids.id ?? s.ids.sessionId ?? 'session without id';
  const site = s.location;
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
<p class="muted">Report by Session Inspector ${escapeHtml(opts.appVersion)}, ${escapeHtml((opts.generatedAt ?? new Date()).toISOString())}. All times are UTC.</p>
</header>
<main>
<section aria-labelledby="details-h"><h2 id="details-h">Details</h2>${detailsList(loaded)}</section>
<section aria-labelledby="checks-h"><h2 id="checks-h">Checks</h2>${checksTable(loaded.checks)}${warningsList(loaded)}</section>
<section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
<p class="legend"><span class="kw">━ average power (kW)</span> <span class="kwh">━ cumulative energy (kWh)</span></p>
${timelineSvg(s.periods)}</section>
<section aria-labelledby="site-h"><h2 id="site-h">Site and equipment</h2>
<div class="site">${mapSvg(site?.coordinates ?? null, opts.basemap, site?.name ?? site?.address ?? 'site')}${siteList(s)}</div>
${evseTable(s)}</section>
<section aria-labelledby="periods-h"><h2 id="periods-h">Charging periods (${s.periods.count})</h2>
<p><button type="button" id="periods-first" hidden>First</button> <button type="button" id="periods-prev" hidden>Previous</button>
<span id="periods-status" role="status">The period table needs JavaScript; everything above does not.</span>
<button type="button" id="periods-next" hidden>Next</button> <button type="button" id="periods-last" hidden>Last</button>
<button type="button" id="periods-csv" hidden>Save as CSV</button></p>
<table id="periods" class="periods"><tbody></tbody></table>
<script type="application/json" id="period-data">${jsonForScript(periodData(s.periods, opts.csvFileName ?? 'periods.csv'))}</script>
<script>${PERIOD_VIEWER_SCRIPT}</script>
</section>
</main>
</body>
</html>
`;
}

const text = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === '' ? '<span class="muted">—</span>' : escapeHtml(String(v));
const iso = (ms: number | null): string | null =>
  ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();

function dl(rows: [string, string | number | null | undefined][]): string {
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${text(v)}</dd>`).join('')}</dl>`;
}

function detailsList(loaded: LoadedSession): string {
  const s = loaded.session;
  const f = loaded.source.fetch;
  const duration =
    s.startedAt !== null && s.endedAt !== null ? formatSeconds((s.endedAt - s.startedAt) / 1000) : null;
  const cost = s.cost
    ? [
        s.cost.exclVat !== null ? `${s.cost.exclVat} excl. VAT` : null,
        s.cost.inclVat !== null ? `${s.cost.inclVat} incl. VAT` : null,
      ]
        .filter(Boolean)
        .join(', ')
    : null;
  return dl([
    ['Session id', s.ids.id],
    ['Vendor session id', s.ids.sessionId],
    ['Status', s.status],
    ['Format', s.shape],
    ['Started', iso(s.startedAt)],
    ['Ended', iso(s.endedAt)],
    ['Duration', duration],
    ['Energy (kWh)', s.kwh],
    ['Last updated', iso(s.lastUpdated)],
    ['Authorization', [s.auth.method, s.auth.tokenType].filter(Boolean).join(' · ') || null],
    ['Auth id', s.auth.id],
    ['Contract id', s.auth.contractId],
    ['Meter', s.meterId],
    ['Total cost', cost ? `${cost}${s.currency ? ` ${s.currency}` : ''}` : null],
    ['Party', [s.ids.countryCode, s.ids.partyId].filter(Boolean).join('*') || null],
    ['Source', loaded.source.profileName ?? loaded.source.fileName ?? loaded.source.kind],
    ['URL', f?.url],
    ['Fetched at', f?.fetchedAt],
    ['Request id', f?.requestId],
    ['Correlation id', f?.correlationId],
  ]);
}

function siteList(s: NormalizedSession): string {
  const l = s.location;
  if (!l) return '<p class="muted">No location in this session.</p>';
  const website = l.operatorWebsite && /^https?:\/\//i.test(l.operatorWebsite) ? l.operatorWebsite : null;
  const rows = dl([
    ['Location id', l.id],
    ['Name', l.name],
    [
      'Address',
      [l.address, [l.postalCode, l.city].filter(Boolean).join(' '), l.country].filter(Boolean).join(', ') ||
        null,
    ],
    ['Coordinates', l.coordinates ? `${l.coordinates.latitude}, ${l.coordinates.longitude}` : null],
    ['Time zone', l.timeZone],
    ['Operator', l.operatorName],
  ]);
  // A link the user clicks is fine offline; it is never loaded by the report itself.
  const link = website
    ? `<p>Operator website: <a href="${escapeHtml(website)}" rel="noopener noreferrer">${escapeHtml(website)}</a></p>`
    : '';
  return `<div>${rows}${link}</div>`;
}

function evseTable(s: NormalizedSession): string {
  const evses = s.location?.evses.length ? s.location.evses : s.evse ? [s.evse] : [];
  if (evses.length === 0) return '<p class="muted">No EVSE information.</p>';
  const rows: string[] = [];
  for (const evse of evses) {
    const connectors: (Connector | null)[] = evse.connectors.length ? evse.connectors : [null];
    for (const c of connectors) rows.push(evseRow(evse, c, isUsed(s, evse, c)));
  }
  return `<table><caption>EVSEs and connectors (● marks the one used)</caption>
<thead><tr><th scope="col">Used</th><th scope="col">EVSE uid</th><th scope="col">EVSE id</th><th scope="col">Status</th><th scope="col">Connector</th><th scope="col">Standard</th><th scope="col">Power type</th><th scope="col">Max kW</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}

function isUsed(s: NormalizedSession, evse: Evse, c: Connector | null): boolean {
  return (
    s.evse !== null &&
    s.evse.uid === evse.uid &&
    s.evse.evseId === evse.evseId &&
    (c === null || s.connector?.id === c.id)
  );
}

function evseRow(evse: Evse, c: Connector | null, used: boolean): string {
  const kw =
    c?.maxPowerKw != null
      ? `${Number(c.maxPowerKw.toFixed(2))}${c.maxPowerSource === 'computed' ? ' (computed)' : ''}`
      : null;
  return `<tr${used ? ' class="used"' : ''}><td>${used ? '●' : ''}</td><td>${text(evse.uid)}</td><td>${text(evse.evseId)}</td><td>${text(evse.status)}</td><td>${text(c?.id)}</td><td>${text(c?.standard)}</td><td>${text(c?.powerType)}</td><td>${text(kw)}</td></tr>`;
}

function checksTable(checks: Check[]): string {
  if (checks.length === 0) return '<p>No findings: every check passed.</p>';
  const rows = checks
    .map(
      (c) =>
        `<tr class="${escapeHtml(c.severity)}"><td>${escapeHtml(c.severity)}</td><td class="mono">${escapeHtml(c.code)}</td><td>${escapeHtml(c.message)}</td><td>${c.periods ? `${c.periods[0]}–${c.periods[1]}` : ''}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th scope="col">Severity</th><th scope="col">Check</th><th scope="col">Finding</th><th scope="col">Periods</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function warningsList(loaded: LoadedSession): string {
  if (loaded.warnings.length === 0) return '';
  const items = loaded.warnings
    .map((w) => `<li><span class="mono">${escapeHtml(w.path)}</span>: ${escapeHtml(w.message)}</li>`)
    .join('');
  return `<h3>Reader warnings (${loaded.warnings.length})</h3><ul>${items}</ul>`;
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
.sea{fill:#dbe9f6}.land path{fill:#f4f1ea;stroke:#9a8f7d;stroke-width:.6}.site circle.site{fill:#cf222e;stroke:#fff;stroke-width:1.5}.halo{fill:#cf222e;opacity:.25}.credit{fill:#57606a;font-size:10px}
button{font:inherit}
@media print{button,#periods-status{display:none}}
`;
