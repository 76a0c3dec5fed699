/**
 * The full period table inside the HTML report. 200,000 periods as HTML rows or CSV text would be 20+ MB,
 * so the report carries the columns compactly (start times as deltas, derived columns left out) and a small
 * inline script rebuilds them exactly as the reader derives them: it shows the table a page at a time and
 * saves the same CSV as `periodsToCsv`. The script is a constant allowed by its hash in the report's CSP.
 */
import type { PeriodTable } from '../session/types';
import { csvHeader, csvText, extraDimensionTypes } from './csv';

export interface PeriodData {
  csvFileName: string;
  /** CSV header cells (already CSV-safe) and the table's column labels. */
  header: string[];
  labels: string[];
  count: number;
  /** `delta`: first start, then differences (exact for whole milliseconds); else absolute (null = absent). */
  startMode: 'delta' | 'absolute';
  start: (number | null)[];
  lastEnd: number | null;
  energy: (number | null)[] | null;
  dims: (number | null)[][];
  /** Distinct tariff ids as CSV cells and as text, and each period's index into them (-1: none). */
  tariffCells: string[] | null;
  tariffText: string[] | null;
  tariffIndex: number[] | null;
}

/** JSON has no NaN: absent values travel as null. */
const column = (a: Float64Array): (number | null)[] => Array.from(a, (v) => (Number.isNaN(v) ? null : v));

export function periodData(periods: PeriodTable, csvFileName: string): PeriodData {
  const { count, start } = periods;
  let whole = true;
  for (let i = 0; i < count && whole; i++) whole = Number.isInteger(start[i]);
  let starts: (number | null)[];
  if (whole) {
    starts = new Array<number>(count);
    for (let i = 0; i < count; i++) starts[i] = i === 0 ? start[0] : start[i] - start[i - 1];
  } else starts = column(start);
  const extra = extraDimensionTypes(periods);
  const lastEnd = count > 0 ? periods.end[count - 1] : NaN;
  let tariffCells: string[] | null = null;
  let tariffText: string[] | null = null;
  let tariffIndex: number[] | null = null;
  if (periods.tariffIds) {
    const seen = new Map<string, number>();
    tariffText = [];
    tariffIndex = periods.tariffIds.map((id) => {
      if (id === null) return -1;
      let at = seen.get(id);
      if (at === undefined) {
        at = seen.size;
        seen.set(id, at);
        tariffText?.push(id);
      }
      return at;
    });
    tariffCells = tariffText.map(csvText);
  }
  return {
    csvFileName,
    header: csvHeader(periods),
    labels: [
      'Start (UTC)',
      'End (UTC)',
      'Duration (s)',
      ...extra,
      ...(periods.tariffIds ? ['Tariff'] : []),
      'kWh',
      'Cumulative kWh',
      'Average kW',
    ],
    count,
    startMode: whole ? 'delta' : 'absolute',
    start: starts,
    lastEnd: Number.isNaN(lastEnd) ? null : lastEnd,
    energy: periods.dimensions.ENERGY ? column(periods.dimensions.ENERGY) : null,
    dims: extra.map((t) => column(periods.dimensions[t])),
    tariffCells,
    tariffText,
    tariffIndex,
  };
}

/**
 * Plain ES2017, no modules, no eval, no innerHTML: cells are set with textContent. Derivation mirrors
 * shared/session/periods.ts (end = next start, last end = session end, running kWh, kW = kWh·3600/s);
 * a test runs this script on a report and compares its CSV with `periodsToCsv`.
 */
export const PERIOD_VIEWER_SCRIPT = `(function () {
  var src = document.getElementById('period-data');
  var table = document.getElementById('periods');
  if (!src || !table) return;
  var d = JSON.parse(src.textContent);
  var n = d.count, i, j;
  var nan = function (v) { return v === null ? NaN : v; };
  var start = new Array(n), end = new Array(n), dur = new Array(n), energy = new Array(n), cum = new Array(n), kw = new Array(n);
  for (i = 0; i < n; i++) start[i] = d.startMode === 'delta' ? (i === 0 ? d.start[0] : start[i - 1] + d.start[i]) : nan(d.start[i]);
  var running = 0;
  for (i = 0; i < n; i++) {
    end[i] = i + 1 < n ? start[i + 1] : nan(d.lastEnd);
    dur[i] = (end[i] - start[i]) / 1000;
    energy[i] = d.energy ? nan(d.energy[i]) : NaN;
    if (!isNaN(energy[i])) running += energy[i];
    cum[i] = running;
    kw[i] = !isNaN(energy[i]) && dur[i] > 0 ? (energy[i] * 3600) / dur[i] : NaN;
  }
  var num = function (v) { return isFinite(v) ? String(v) : ''; };
  var time = function (v) { return isFinite(v) ? new Date(v).toISOString() : ''; };
  // On screen only: 12 significant digits hide float noise (0.30000000000000004); the CSV keeps every digit.
  var shown = function (v) { return isFinite(v) ? String(Number(v.toPrecision(12))) : ''; };
  function cells(i, tariffs, num) {
    var row = [time(start[i]), time(end[i]), num(dur[i])];
    for (j = 0; j < d.dims.length; j++) row.push(num(nan(d.dims[j][i])));
    if (tariffs) row.push(d.tariffIndex[i] < 0 ? '' : tariffs[d.tariffIndex[i]]);
    row.push(num(energy[i]), num(cum[i]), num(kw[i]));
    return row;
  }
  var head = table.createTHead().insertRow();
  d.labels.forEach(function (label) { var th = document.createElement('th'); th.scope = 'col'; th.textContent = label; head.appendChild(th); });
  var body = table.tBodies[0] || table.createTBody();
  var pageSize = 500, page = 0, pages = Math.max(1, Math.ceil(n / pageSize));
  var status = document.getElementById('periods-status');
  function show(p) {
    page = Math.max(0, Math.min(pages - 1, p));
    var rows = document.createDocumentFragment();
    for (i = page * pageSize; i < Math.min(n, (page + 1) * pageSize); i++) {
      var tr = document.createElement('tr');
      cells(i, d.tariffText, shown).forEach(function (text) { var td = document.createElement('td'); td.textContent = text; tr.appendChild(td); });
      rows.appendChild(tr);
    }
    body.replaceChildren(rows);
    status.textContent = n === 0 ? 'No periods.' : 'Periods ' + (page * pageSize + 1) + '–' + Math.min(n, (page + 1) * pageSize) + ' of ' + n;
  }
  function csv() {
    var lines = [d.header.join(',')];
    for (i = 0; i < n; i++) lines.push(cells(i, d.tariffCells, num).join(','));
    return lines.join('\\r\\n') + '\\r\\n';
  }
  var on = function (id, f) { var el = document.getElementById(id); if (el) { el.hidden = false; el.addEventListener('click', f); } };
  on('periods-first', function () { show(0); });
  on('periods-prev', function () { show(page - 1); });
  on('periods-next', function () { show(page + 1); });
  on('periods-last', function () { show(pages - 1); });
  on('periods-csv', function () {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv()], { type: 'text/csv;charset=utf-8' }));
    a.download = d.csvFileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  show(0);
})();`;

/** sha256 of PERIOD_VIEWER_SCRIPT, for the CSP; a test recomputes it, so an edit to the script cannot skip it. */
export const PERIOD_VIEWER_SCRIPT_SHA256 = 'sha256-t6+1P5wyNEgFWDIG66zIZmW9j5qEmz8qL7s4FOpdzl8=';
