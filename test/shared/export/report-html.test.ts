// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Basemap, loadBasemap } from '../../../shared/export/basemap';
import { periodsToCsv } from '../../../shared/export/csv';
import { renderExport } from '../../../shared/export/render-export';
import { renderHtmlReport } from '../../../shared/export/report-html';
import {
  PERIOD_VIEWER_SCRIPT,
  PERIOD_VIEWER_SCRIPT_SHA256,
} from '../../../shared/export/report-period-viewer';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { loadedFrom, manyPeriodsSession } from '../../fixtures/export';
import { ocpi211Session, ocpi221Envelope, ocpi221LocationEnvelope } from '../../fixtures/sessions';

let basemap: Basemap;
beforeAll(async () => {
  basemap = await loadBasemap();
});

/** Parsed, never run: DOMParser does not execute scripts. */
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

const report = (loaded: LoadedSession): string => renderHtmlReport(loaded, { basemap, appVersion: '1.2.3' });

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(2)>",
  '</script><script>alert(3)</script>',
];

function hostileLoaded(): LoadedSession {
  const [a, b, c, d] = HOSTILE;
  const raw = manyPeriodsSession(5, {
    id: a,
    meter_id: b,
    location: {
      id: c,
      name: b,
      address: a,
      city: d,
      country: 'BEL',
      coordinates: { latitude: '51.0', longitude: '3.7' },
      operator: { name: c, website: 'javascript:alert(1)' },
      evses: [{ uid: a, evse_id: b, status: c, connectors: [{ id: d, standard: a, power_type: b }] }],
    },
  }).replace(/"T\\"2"/g, JSON.stringify(d));
  const loaded = loadedFrom(raw);
  loaded.warnings.push({ path: a, message: b });
  loaded.checks.push({ code: 'UNKNOWN_STATUS', severity: 'warning', message: c });
  return loaded;
}

describe('HTML report', () => {
  it('contains details, the EVSE/connector table, checks, timeline, map and the period viewer', () => {
    const html = report(
      loadedFrom(JSON.stringify(ocpi221Envelope()), JSON.stringify(ocpi221LocationEnvelope())),
    );
    const doc = parse(html);
    expect(doc.title).toBe('Charging session s-221');
    expect(doc.querySelector('dl')?.textContent).toContain('2024-03-01T10:00:00.000Z');
    expect(doc.querySelector('tr.used')?.textContent).toContain('EVSE-B');
    expect(doc.querySelector('svg.timeline path.kw-line')?.getAttribute('d')).toMatch(/^M/);
    expect(doc.querySelectorAll('svg.map .land path').length).toBeGreaterThan(0);
    expect(doc.querySelector('svg.map circle.site')).not.toBeNull();
    expect(JSON.parse(doc.getElementById('period-data')?.textContent ?? '').count).toBe(2);
  });

  it('makes no request: no external resource, a strict CSP and only the hashed viewer script', () => {
    const loaded = loadedFrom(
      manyPeriodsSession(30, {
        location: {
          ...JSON.parse(manyPeriodsSession(1)).location,
          operator: { name: 'Op', website: 'https://op.example.test' },
        },
      }),
    );
    const html = report(loaded);
    const doc = parse(html);
    expect(doc.querySelectorAll('img, link, iframe, object, embed, audio, video, source, base').length).toBe(
      0,
    );
    for (const el of Array.from(doc.querySelectorAll('*')))
      for (const attr of Array.from(el.attributes)) {
        if (el.tagName === 'A' && attr.name === 'href') continue; // a link the user clicks
        expect(`${attr.name}=${attr.value}`).not.toMatch(
          /^(src|href|xlink:href|srcset|action|poster)=|https?:/i,
        );
      }
    for (const style of Array.from(doc.querySelectorAll('style')))
      expect(style.textContent).not.toMatch(/url\(|@import/i);
    const csp =
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    const scripts = Array.from(doc.querySelectorAll('script'));
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/json', null]);
    const hash = createHash('sha256')
      .update(scripts[1].textContent ?? '')
      .digest('base64');
    expect(`sha256-${hash}`).toBe(PERIOD_VIEWER_SCRIPT_SHA256);
    expect(csp).toContain(`script-src '${PERIOD_VIEWER_SCRIPT_SHA256}'`);
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://op.example.test');
  });

  it('keeps hostile strings inert: escaped text, no injected element, attribute or script', () => {
    const html = report(hostileLoaded());
    const doc = parse(html);
    expect(doc.querySelectorAll('img').length).toBe(0);
    expect(doc.querySelectorAll('script').length).toBe(2);
    expect(doc.querySelectorAll('script')[1].textContent).toBe(PERIOD_VIEWER_SCRIPT);
    expect(doc.querySelectorAll('svg[onload], [onerror], [onload]').length).toBe(0);
    for (const el of Array.from(doc.querySelectorAll('*')))
      for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on/i);
    // The website is not http(s), so it is not linked at all.
    expect(doc.querySelectorAll('a').length).toBe(0);
    const text = doc.body.textContent ?? '';
    for (const h of HOSTILE) expect(text).toContain(h);
    // The data block survives a `</script>` inside a value.
    expect(JSON.parse(doc.getElementById('period-data')?.textContent ?? '').tariffText).toContain(HOSTILE[3]);
  });

  it('never holds the account ids when redacted', async () => {
    const loaded = loadedFrom(manyPeriodsSession(5));
    expect(renderHtmlReport(loaded, { basemap, appVersion: '1', revealIds: true })).toContain(
      'DRIVER-TOKEN-123',
    );
    const html = await renderExport(loaded, 'html', { redact: true, appVersion: '1' });
    expect(html).not.toContain('DRIVER-TOKEN-123');
    expect(html).toContain('REDACTED-1');
  });

  it('masks auth and contract ids unless asked, as the app does', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()), JSON.stringify(ocpi221LocationEnvelope()));
    const masked = report(loaded);
    expect(masked).not.toContain('012345678');
    expect(masked).not.toContain('NL-TNM-C12345678-X');
    expect(masked).toContain('01•••••78');
    const clear = renderHtmlReport(loaded, { basemap, appVersion: '1', revealIds: true });
    expect(clear).toContain('012345678');
    expect(clear).toContain('NL-TNM-C12345678-X');
  });

  it('numbers periods from 1, as the check messages do', () => {
    const loaded = loadedFrom(manyPeriodsSession(5));
    loaded.checks.push({
      code: 'PERIOD_GAP',
      severity: 'warning',
      message: 'after period 2',
      periods: [1, 1],
    });
    loaded.checks.push({ code: 'PERIODS_OUT_OF_ORDER', severity: 'error', message: 'x', periods: [0, 2] });
    const cells = Array.from(
      parse(report(loaded)).querySelectorAll('#checks-h ~ table tbody tr'),
      (tr) => tr.lastElementChild?.textContent,
    );
    expect(cells).toContain('2');
    expect(cells).toContain('1–3');
    expect(cells).not.toContain('1–1');
  });

  it('prints no floating-point noise', () => {
    const html = report(loadedFrom(manyPeriodsSession(200)));
    const text = parse(html).body.textContent ?? '';
    expect(text).not.toMatch(/\d\.\d{7,}/);
  });

  it('uses the site’s zone when asked, and says which zone it used', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()), JSON.stringify(ocpi221LocationEnvelope()));
    const site = renderHtmlReport(loaded, { basemap, appVersion: '1', times: 'site' });
    expect(site).toContain('Times in Europe/Amsterdam');
    expect(site).toContain('2024-03-01T11:00:00.000+01:00');
    const noZone = loadedFrom(manyPeriodsSession(3));
    expect(renderHtmlReport(noZone, { basemap, appVersion: '1', times: 'site' })).toContain('no time_zone');
  });

  it('downsamples the timeline of a large session', () => {
    const html = report(loadedFrom(manyPeriodsSession(20_000)));
    const d = parse(html).querySelector('path.kw-line')?.getAttribute('d') ?? '';
    const points = d.split(/[ML]/).length - 1;
    expect(points).toBeGreaterThan(400);
    expect(points).toBeLessThan(2_700);
    expect(html).toContain('downsampled');
  });

  it('says so when there is no map or no timeline', () => {
    const html = report(
      loadedFrom(JSON.stringify(ocpi211Session({ location: undefined, charging_periods: [] }))),
    );
    expect(html).toContain('No map');
    expect(html).toContain('No timeline');
  });
});

describe('the period viewer inside the report', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Loads the report into the test's document and runs the viewer script there, capturing saved files. */
  function open(html: string) {
    document.replaceChild(document.importNode(parse(html).documentElement, true), document.documentElement);
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) saved.push(blob);
      return 'blob:test';
    };
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    new Function(PERIOD_VIEWER_SCRIPT)();
    return { doc: document, saved };
  }

  it.each([
    ['minute periods with gaps and tariffs', manyPeriodsSession(1_234)],
    [
      'an undated period (absolute starts) in an active session',
      manyPeriodsSession(40, { end_datetime: undefined, status: 'ACTIVE' }).replace(
        '2024-06-01T08:02:00.000Z',
        'not a date',
      ),
    ],
    ['no periods', JSON.stringify(ocpi211Session({ charging_periods: [] }))],
  ])('%s: saves exactly the CSV that periodsToCsv writes', async (_name, raw) => {
    const loaded = loadedFrom(raw);
    const { doc, saved } = open(report(loaded));
    (doc.getElementById('periods-csv') as HTMLButtonElement).click();
    expect(saved).toHaveLength(1);
    expect(await saved[0].text()).toBe(periodsToCsv(loaded.session));
  });

  it('shows the table a page at a time', () => {
    const { doc } = open(report(loadedFrom(manyPeriodsSession(1_234))));
    const rows = () => doc.querySelectorAll('#periods tbody tr');
    expect(rows()).toHaveLength(500);
    expect(doc.getElementById('periods-status')?.textContent).toBe('Periods 1–500 of 1234');
    (doc.getElementById('periods-last') as HTMLButtonElement).click();
    expect(rows()).toHaveLength(234);
    expect(rows()[0].firstElementChild?.textContent).toBe(
      new Date(Date.parse('2024-06-01T08:00:00Z') + 1000 * 60_000).toISOString(),
    );
    expect(doc.querySelectorAll('#periods thead th')).toHaveLength(8);
  });
});
