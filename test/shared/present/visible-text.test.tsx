// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DetailsPanel } from '../../../renderer/src/features/details/DetailsPanel';
import { EvsePanel } from '../../../renderer/src/features/evse/EvsePanel';
import { type Basemap, loadBasemap } from '../../../shared/export/basemap';
import { renderHtmlReport } from '../../../shared/export/report-html';
import { triageMarkdown } from '../../../shared/export/triage-markdown';
import { presentSession } from '../../../shared/present/present-session';
import { jsonWithVisibleEscapes, visibleText } from '../../../shared/present/visible-text';
import { formatSummaryText } from '../../../shared/session/summary';
import { loadedFrom } from '../../fixtures/export';
import { ocpi221Envelope, ocpi221LocationEnvelope } from '../../fixtures/sessions';

/** Bidi embeddings, overrides and isolates, marks, zero-width characters, BOM, C0/C1 controls, separators. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- the test looks for control characters
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

/** The same, minus the line breaks a text view is made of. */
const IN_TEXT_VIEW = new RegExp(
  INVISIBLE.source.replace('\\u0000-\\u001f', '\\u0000-\\u0009\\u000b-\\u001f'),
);

let basemap: Basemap;
beforeAll(async () => {
  basemap = await loadBasemap();
});
afterEach(cleanup);

describe('visibleText', () => {
  it('shows bidi overrides and other invisible characters as marks', () => {
    expect(visibleText('EVSE\u202Eexe.txt')).toBe('EVSE⟨U+202E⟩exe.txt');
    expect(visibleText('a\u200Bb\u2066c\u2069\uFEFF')).toBe('a⟨U+200B⟩b⟨U+2066⟩c⟨U+2069⟩⟨U+FEFF⟩');
    expect(visibleText('\u001b[2J\u0007\u0085')).toBe('⟨U+001B⟩[2J⟨U+0007⟩⟨U+0085⟩');
    expect(visibleText('tab\there\nline')).toBe('tab⟨U+0009⟩here⟨U+000A⟩line');
    expect(visibleText('Zürich 東京 😀 e\u0301')).toBe('Zürich 東京 😀 e\u0301');
  });

  it('keeps JSON data equal while writing invisible characters as escapes', () => {
    const value = { id: 'EVSE\u202Eexe.txt', n: ['\u001b'] };
    const text = jsonWithVisibleEscapes(value);
    expect(text).not.toMatch(INVISIBLE);
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('every view of a session with bidi overrides in its strings', () => {
  const RLO = '\u202E';
  const loaded = loadedFrom(
    JSON.stringify(
      ocpi221Envelope({
        id: `s${RLO}1`,
        evse_uid: `EVSE-B${RLO}`,
        status: `COMPLETED${RLO}`,
        currency: `EU${RLO}R`,
      }),
    ),
    JSON.stringify(
      ocpi221LocationEnvelope({
        name: `Hub${RLO}exe.txt`,
        address: `Street\u2066 1`,
        evses: [
          {
            uid: `EVSE-B${RLO}`,
            evse_id: `NL*TNM*E${RLO}B`,
            status: 'CHARGING',
            physical_reference: `ref\u200F`,
            connectors: [{ id: '2', standard: `CCS${RLO}`, power_type: 'DC' }],
          },
        ],
      }),
    ),
  );
  loaded.checks.push({ code: 'UNKNOWN_STATUS', severity: 'warning', message: `bad\u001b[2J${RLO}` });
  loaded.warnings.push({ path: `data.x${RLO}`, message: `odd\u0007` });

  it('the presenter outputs no invisible character anywhere', () => {
    const p = presentSession(loaded, { timeZone: 'site' });
    const strings: string[] = [];
    JSON.stringify(p, (_k, v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      return v;
    });
    const raw = p.ids.map((id) => id.raw);
    for (const s of strings) if (!raw.includes(s) && s !== p.titleRaw) expect(s).not.toMatch(INVISIBLE);
    expect(p.title).toBe('s⟨U+202E⟩1');
    expect(p.site?.name).toBe('Hub⟨U+202E⟩exe.txt');
  });

  it('Details, EVSE, the report, the Markdown and the CLI text show the marks, never the raw characters', () => {
    const p = presentSession(loaded);
    const texts = {
      details: render(<DetailsPanel loaded={loaded} />).container.textContent ?? '',
      evse: render(<EvsePanel session={loaded.session} />).container.textContent ?? '',
      report:
        new DOMParser().parseFromString(renderHtmlReport(loaded, { basemap, appVersion: 't' }), 'text/html')
          .body.textContent ?? '',
      markdown: triageMarkdown(loaded),
      cli: formatSummaryText(p),
    };
    for (const [view, text] of Object.entries(texts)) {
      expect(text, view).not.toMatch(IN_TEXT_VIEW);
      expect(text, view).toContain('⟨U+202E⟩');
    }
    expect(texts.evse).toContain('NL*TNM*E⟨U+202E⟩B');
    expect(texts.report).toContain('Hub⟨U+202E⟩exe.txt');
  });
});
