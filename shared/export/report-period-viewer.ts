/**
 * The full period table inside the HTML report. 200,000 periods as HTML rows or CSV text would be 20+ MB,
 * so the report carries the columns compactly (start times as deltas, derived columns left out) and a small
 * inline script rebuilds them exactly as the reader derives them: it shows the table a page at a time and
 * saves the same CSV as `periodsToCsv`. The script is a constant allowed by its hash in the report's CSP.
 */
import type { PeriodTable } from '../session/types';
import { columnPlaces, csvHeader, csvText, extraDimensionTypes } from './csv';
import { dimensionValues } from '../session/periods';

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
  /** Decimals per numeric column, as `periodsToCsv` rounds them. */
  places: { duration: number; dims: number[]; energy: number; power: number };
  /** IANA zone the times are written in (`UTC`: ISO with `Z`). */
  zone: string;
}

/** JSON has no NaN: absent values travel as null. */
const column = (a: Float64Array): (number | null)[] => Array.from(a, (v) => (Number.isNaN(v) ? null : v));

export function periodData(periods: PeriodTable, csvFileName: string, zone = 'UTC'): PeriodData {
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
      `Start (${zone})`,
      `End (${zone})`,
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
    energy: periods.dimensions.has('ENERGY') ? column(dimensionValues(periods, 'ENERGY')) : null,
    dims: extra.map((t) => column(dimensionValues(periods, t))),
    tariffCells,
    tariffText,
    tariffIndex,
    places: columnPlaces(periods),
    zone,
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
  // Rounded as periodsToCsv rounds (shared/present/numbers: no float noise), on screen and in the CSV.
  var num = function (v, places) {
    if (!isFinite(v)) return '';
    var s = String(v), dot = s.indexOf('.');
    if (s.indexOf('e') < 0 && (dot < 0 || s.length - dot - 1 <= places)) return s;
    var scale = Math.pow(10, places);
    return String(Math.round(v * scale) / scale);
  };
  var p = d.places;
  // ISO 8601: UTC with Z, else the wall time and offset, found once per quarter hour as isoInZone does.
  var zoned = d.zone === 'UTC' ? null : new Intl.DateTimeFormat('en-CA', { timeZone: d.zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' });
  var last = { bucket: NaN, shift: 0, text: '' };
  var time = function (v) {
    if (!isFinite(v)) return '';
    if (!zoned) return new Date(v).toISOString();
    var bucket = Math.floor(v / 900000);
    if (bucket !== last.bucket) {
      var name = 'GMT';
      zoned.formatToParts(v).forEach(function (part) { if (part.type === 'timeZoneName') name = part.value; });
      var text = name.replace(/^GMT/, '') || '+00:00';
      var m = /^([+-])(\\d\\d):(\\d\\d)(?::(\\d\\d))?$/.exec(text);
      var shift = m ? (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] || 0)) * 1000 : 0;
      last = { bucket: bucket, shift: shift, text: text };
    }
    return new Date(v + last.shift).toISOString().slice(0, 23) + last.text;
  };
  function cells(i, tariffs) {
    var row = [time(start[i]), time(end[i]), num(dur[i], p.duration)];
    for (j = 0; j < d.dims.length; j++) row.push(num(nan(d.dims[j][i]), p.dims[j]));
    if (tariffs) row.push(d.tariffIndex[i] < 0 ? '' : tariffs[d.tariffIndex[i]]);
    row.push(num(energy[i], p.energy), num(cum[i], p.energy), num(kw[i], p.power));
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
      cells(i, d.tariffText).forEach(function (text) { var td = document.createElement('td'); td.textContent = text; tr.appendChild(td); });
      rows.appendChild(tr);
    }
    body.replaceChildren(rows);
    status.textContent = n === 0 ? 'No periods.' : 'Periods ' + (page * pageSize + 1) + '–' + Math.min(n, (page + 1) * pageSize) + ' of ' + n;
  }
  function csv() {
    var lines = [d.header.join(',')];
    for (i = 0; i < n; i++) lines.push(cells(i, d.tariffCells).join(','));
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
export const PERIOD_VIEWER_SCRIPT_SHA256 = 'sha256-R1X8Bcb+br+Bt+7zELL4sSSCAFifFyDmhYUW552tGJE=';
