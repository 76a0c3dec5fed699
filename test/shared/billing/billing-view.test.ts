import { beforeAll, describe, expect, it } from 'vitest';
import { type Basemap, loadBasemap } from '../../../shared/export/basemap';
import { computeBilling } from '../../../shared/billing/attach';
import { checkPeriodsShown, periodRangesText, presentBilling } from '../../../shared/billing/billing-view';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { readSessionFile } from '../../../shared/export/import';
import { billingHtmlSection, billingMarkdownLines } from '../../../shared/export/billing-sections';
import { renderHtmlReport } from '../../../shared/export/report-html';
import { triageMarkdown } from '../../../shared/export/triage-markdown';
import { agreeingCdr, agreeingSession } from '../../fixtures/billing/cdrs';
import { agreeingTariff } from '../../fixtures/billing/tariffs';

function withBilling(cdr: unknown): LoadedSession {
  const opened = readSessionFile(JSON.stringify(agreeingSession()), 's.json');
  if (!opened.ok) throw new Error(opened.error.message);
  const billing = computeBilling(opened.value.session, {
    cdr: { fileName: 'cdr.json', text: JSON.stringify(cdr) },
    tariffs: [{ fileName: 't.json', text: JSON.stringify(agreeingTariff()) }],
  });
  if (!billing.ok) throw new Error(billing.error.message);
  return { ...opened.value, key: 'k', billing: billing.value };
}

const off = () =>
  withBilling(agreeingCdr([], { total_energy: 15, total_cost: { excl_vat: 5, incl_vat: 6.05 } }));

describe('presentBilling', () => {
  it('marks each row by the check that judges it, agreeing rows as agreeing', () => {
    const view = presentBilling(off(), 'UTC');
    const byLabel = new Map(view?.comparison.map((r) => [r.label, r]));
    expect(byLabel.get('Energy (kWh)')).toMatchObject({
      session: '10',
      cdr: '15',
      agrees: false,
      by: ['CDR_ENERGY_MISMATCH'],
    });
    expect(byLabel.get('Start')).toMatchObject({ session: '2024-06-03 15:30:00', agrees: true, by: [] });
    expect(byLabel.get('Cost')?.agrees).toBe(false);
    expect(byLabel.get('Parking (h)')).toMatchObject({ session: '0.25', cdr: '0.25', agrees: true });
    expect(view?.breakdown.map((r) => [r.dimension, r.element, r.exclVat, r.periods])).toEqual([
      ['ENERGY', '1', '€2.50', '1–2'],
      ['PARKING_TIME', '1', '€1.50', '3'],
    ]);
    expect(view?.total).toEqual({ exclVat: '€4.00', inclVat: '€4.84' });
    expect(view?.tariffs).toEqual([{ id: 'T1', words: '€0.25/kWh; parking €6/h in 15-minute blocks' }]);
  });

  it('is null without billing; a CDR alone has no session column and its periods are the shown ones', () => {
    const plain = readSessionFile(JSON.stringify(agreeingSession()), 's.json');
    if (!plain.ok) throw new Error();
    expect(presentBilling({ ...plain.value, key: 'k' }, 'UTC')).toBeNull();
    const alone = readSessionFile(JSON.stringify(agreeingCdr([], { total_energy: 15 })), 'c.json');
    if (!alone.ok) throw new Error();
    const loaded = { ...alone.value, key: 'c' };
    const view = presentBilling(loaded, 'UTC');
    expect(view?.hasSession).toBe(false);
    expect(view?.comparison.some((r) => r.agrees === true)).toBe(false);
    const energy = view?.checks.find((c) => c.code === 'CDR_ENERGY_MISMATCH');
    expect(energy && checkPeriodsShown(energy, loaded)).toBe(true);
    const cdrPeriodsOnASession = off().billing?.checks.find((c) => c.periodsOf === 'cdr');
    expect(cdrPeriodsOnASession && checkPeriodsShown(cdrPeriodsOnASession, off())).toBe(false);
  });

  it('writes period ranges from 1', () => {
    expect(
      periodRangesText([
        [0, 2],
        [4, 4],
      ]),
    ).toBe('1–3, 5');
    expect(periodRangesText([])).toBe('—');
  });
});

describe('billing in the triage summary and the HTML report', () => {
  let basemap: Basemap;
  beforeAll(async () => {
    basemap = await loadBasemap();
  }, 60_000);
  it('adds a billing section naming what differs, the tariff, the breakdown and the checks', () => {
    const md = triageMarkdown(off());
    expect(md).toContain('### Billing');
    expect(md).toContain('- **Energy (kWh) differs:** session 10 · CDR 15 (CDR_ENERGY_MISMATCH)');
    expect(md).toContain('- **Tariff T1:** €0.25/kWh; parking €6/h in 15-minute blocks');
    expect(md).toContain('`CDR_COST_MISMATCH`');
    const html = renderHtmlReport(off(), { basemap, appVersion: '1' });
    expect(html).toContain('<h2 id="billing-h">Billing</h2>');
    expect(html).toContain('CDR_TOTALS_INCONSISTENT');
  });

  it('adds nothing without billing, and escapes hostile CDR text', () => {
    const plain = readSessionFile(JSON.stringify(agreeingSession()), 's.json');
    if (!plain.ok) throw new Error();
    expect(billingMarkdownLines({ ...plain.value, key: 'k' })).toEqual([]);
    expect(billingHtmlSection({ ...plain.value, key: 'k' }, 'UTC')).toBe('');
    const hostile = withBilling(agreeingCdr([], { session_id: '<img src=x onerror=alert(1)>' }));
    expect(billingHtmlSection(hostile, 'UTC')).not.toContain('<img');
    expect(billingMarkdownLines(hostile).join('\n')).toContain('\\<img');
  });
});

describe('amounts in the billing view', () => {
  it('are written to the currency minor unit (prices keep their decimals)', () => {
    const view = presentBilling(off(), 'UTC');
    expect(view?.breakdown.map((r) => [r.price, r.inclVat])).toEqual([
      ['€0.25', '€3.03'],
      ['€6.00', '€1.82'],
    ]);
  });
});
