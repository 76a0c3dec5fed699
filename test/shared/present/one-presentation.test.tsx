// @vitest-environment jsdom
/**
 * Issue 8's proof: Details, the HTML report, the Markdown triage summary and the CLI summary of the same
 * sessions show the same ids under the same labels, the same energy verdict and the same cost lines.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { DetailsPanel } from '../../../renderer/src/features/details/DetailsPanel';
import { EvsePanel } from '../../../renderer/src/features/evse/EvsePanel';
import { type Basemap, loadBasemap } from '../../../shared/export/basemap';
import { renderHtmlReport } from '../../../shared/export/report-html';
import { triageMarkdown } from '../../../shared/export/triage-markdown';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { presentSession } from '../../../shared/present/present-session';
import { formatSummaryText } from '../../../shared/session/summary';
import { loadedFrom } from '../../fixtures/export';
import { energyPeriods, ocpi230Session, vendorEnvelope } from '../../fixtures/sessions';
import { memoryIo } from '../../support/memory-io';

let basemap: Basemap;
beforeAll(async () => {
  basemap = await loadBasemap();
});
afterEach(cleanup);

/** Whitespace-normalised text, with Markdown's escapes undone, so every view compares as plain text. */
const plain = (s: string): string => s.replace(/\\([\\`*_{}[\]<>#|!~])/g, '$1').replace(/\s+/g, ' ');

function views(loaded: LoadedSession, raw: string): Promise<Record<string, string>> {
  const details = render(<DetailsPanel loaded={loaded} />).container.textContent ?? '';
  cleanup();
  const report = new DOMParser().parseFromString(
    renderHtmlReport(loaded, { basemap, appVersion: 't' }),
    'text/html',
  ).body.textContent;
  const io = memoryIo(raw);
  return main(['summary', '-'], io).then((code) => {
    expect(code).toBe(0);
    return {
      details: plain(details),
      report: plain(report ?? ''),
      markdown: plain(triageMarkdown(loaded)),
      cli: plain(io.out),
    };
  });
}

const SESSIONS: [string, string][] = [
  // Both `id` and `session_id`; the EVSE is named by the vendor's `evseId`; 20 three-decimal volumes
  // summing to 0.114 against kwh 0.109 (within rounding).
  [
    'vendor session with id and session_id, EVSE by evseId',
    JSON.stringify(
      vendorEnvelope({
        kwh: 0.109,
        charging_periods: energyPeriods(
          '2024-05-02T10:00:00Z',
          Array.from({ length: 20 }, (_, i) => (i < 14 ? '0.006' : '0.005')),
          6,
        ),
      }),
    ),
  ],
  ['OCPI 2.3.0 session with taxes', JSON.stringify(ocpi230Session())],
  ['vendor session whose energy differs', JSON.stringify(vendorEnvelope({ kwh: 0.3 }))],
];

describe('one presentation in every view', () => {
  it.each(SESSIONS)('%s: same ids, labels, energy verdict and cost lines', async (_name, raw) => {
    const loaded = loadedFrom(raw);
    const p = presentSession(loaded);
    const all = await views(loaded, raw);
    const needles = [
      ...p.ids.filter((id) => id.key === 'sessionId' || id.key === 'vendorSessionId').map((id) => id.label),
      ...p.ids.flatMap((id) =>
        (id.key === 'sessionId' || id.key === 'vendorSessionId') && id.text ? [id.text] : [],
      ),
      p.energy.line,
      p.energy.explanation,
      ...p.costLines,
    ];
    for (const [view, text] of Object.entries(all))
      for (const needle of needles) expect(text, `${view} shows "${needle}"`).toContain(plain(needle));
  });

  it('says which id is which, why the energy check stayed quiet, and how the EVSE was found', () => {
    const [, raw] = SESSIONS[0];
    const p = presentSession(loadedFrom(raw));
    expect(p.ids.slice(0, 2).map((id) => [id.label, id.text])).toEqual([
      ['Session id', 'f00dfeed00000000000000000000beef'],
      ['Vendor session id', '998877'],
    ]);
    expect(p.energy.verdict).toBe('agree');
    expect(p.energy.explanation).toBe(
      '0.109 vs 0.114 kWh: within the rounding of 20 three-decimal volumes (±0.0105 kWh).',
    );
    expect(p.checks.map((c) => c.code)).not.toContain('ENERGY_MISMATCH');
    expect(p.equipment.used).toBe('DE*ABC*ELAB01*2 · connector c-2');
    expect(p.equipment.note).toBe('Found by the vendor\'s evseId "LAB01*2", which names the EVSE\'s uid.');
    const evse = render(<EvsePanel session={loadedFrom(raw).session} />).container;
    expect(evse.querySelectorAll('[aria-current="true"]')).toHaveLength(2); // the card and its connector
    expect(evse.querySelector('.evse-card--used h3')?.textContent).toContain('DE*ABC*ELAB01*2');
    expect(evse.textContent).toContain(p.equipment.note);
  });

  it('differs by the same rule as ENERGY_MISMATCH', () => {
    const p = presentSession(loadedFrom(SESSIONS[2][1]));
    expect(p.energy.verdict).toBe('differ');
    expect(p.checks.map((c) => c.code)).toContain('ENERGY_MISMATCH');
  });

  it('shows a CDR the billing reader hands over beside the session, in the CLI text', () => {
    const loaded = loadedFrom(SESSIONS[1][1]);
    const p = presentSession(loaded, {
      cdr: {
        id: 'CDR-1',
        currency: 'EUR',
        cost: { shape: 'excl_incl', exclVat: 1, inclVat: 1.2, taxes: [] },
      },
    });
    expect(p.cdr?.costLines).toEqual(['1.00 EUR excl. VAT', '1.20 EUR incl. VAT']);
    const text = formatSummaryText(p);
    expect(text).toMatch(/CDR id +CDR-1/);
    expect(text).toMatch(/CDR cost +1\.00 EUR excl\. VAT/);
    expect(formatSummaryText(presentSession(loaded))).not.toContain('CDR');
  });

  it('lists every 2.3.0 tax line', () => {
    expect(presentSession(loadedFrom(SESSIONS[1][1])).costLines).toEqual([
      '1.00 EUR before taxes',
      'VAT 20%: 0.20 EUR',
      '1.20 EUR after taxes',
    ]);
  });
});
