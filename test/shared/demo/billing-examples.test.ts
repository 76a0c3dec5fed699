/** The Demo profile's billing examples: each shows the checks it names, and across them every billing check fires. */
import { describe, expect, it } from 'vitest';
import { computeBilling } from '../../../shared/billing/attach';
import { priceSession } from '../../../shared/billing/cost-engine';
import { pricingInputFromSession } from '../../../shared/billing/pricing-input';
import { readTariffs } from '../../../shared/billing/read-tariff';
import { demoTariffs } from '../../../shared/demo/billing-dataset';
import { readSession } from '../../../shared/session/read-session';
import { BILLING_CHECK_CODES, type BillingCheckCode } from '../../../shared/billing/types';
import { BILLING_EXAMPLES } from '../../../shared/demo/billing-examples';
import { DEMO_SESSIONS, demoSession } from '../../../shared/demo/catalog';
import { withDemoBilling } from '../../../shared/demo/demo-billing';
import { discover } from '../../../services/ocpi/discovery';
import { demoOcpiTransport, DEMO_OCPI_VERSIONS_URL } from '../../../services/ocpi/demo-ocpi-transport';
import { findBilling } from '../../../services/ocpi/find-cdr';
import { OcpiConnection } from '../../../services/ocpi/ocpi-connection';
import { loadedFrom } from '../../fixtures/export';

function fetched(id: string) {
  const g = demoSession(id);
  if (!g) throw new Error(id);
  const r = withDemoBilling(
    loadedFrom(
      JSON.stringify(g.body),
      g.location ? JSON.stringify({ status_code: 1000, data: g.location }) : null,
    ),
    id,
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The checks of an example as the app shows them: attached on fetch, or found missing by Find CDR on the Demo CPO. */
async function codesOf(id: string): Promise<Set<BillingCheckCode>> {
  const loaded = fetched(id);
  if (loaded.billing) return new Set(loaded.billing.checks.map((c) => c.code));
  const conn = new OcpiConnection({ token: null, transport: demoOcpiTransport, retryDelaysMs: [] });
  const d = await discover(conn, DEMO_OCPI_VERSIONS_URL, { correlationId: 'demo-test' });
  if (!d.ok) throw new Error(d.error.message);
  const found = await findBilling(conn, {
    endpoints: d.value.endpoints,
    session: loaded.session,
    profileName: 'Demo (bundled sessions)',
    correlationId: 'demo-test',
  });
  if (!found.ok) throw new Error(found.error.message);
  expect(found.value.report.found).toBe(false);
  const billing = computeBilling(loaded.session, { cdr: null, tariffs: [] }, found.value.report);
  if (!billing.ok) throw new Error(billing.error.message);
  return new Set(billing.value.checks.map((c) => c.code));
}

describe('the Demo billing examples', () => {
  it('are on the Demo start page, each with a title saying what it shows', () => {
    const listed = new Map(DEMO_SESSIONS.map((s) => [s.id, s.title]));
    for (const e of BILLING_EXAMPLES) expect(listed.get(e.id)).toBe(e.title);
  });

  it.each(BILLING_EXAMPLES.map((e) => [e.id, e] as const))(
    '%s shows exactly the checks it names',
    async (id, e) => {
      expect([...(await codesOf(id))].sort()).toEqual([...e.shows].sort());
    },
  );

  it("each session's running total_cost is the cost engine's price of it (plus €3 where that is the dispute)", () => {
    const read = readTariffs(demoTariffs('2.2.1'));
    if (!read.ok) throw new Error(read.error.message);
    for (const e of BILLING_EXAMPLES) {
      const g = e.build();
      const r = readSession(g.body, { location: g.location });
      if (!r.ok) throw new Error(r.error.message);
      const cost = priceSession({
        ...pricingInputFromSession(r.session, read.tariffs),
        timeZone: r.session.location?.timeZone ?? null,
      });
      const off = e.shows.includes('SESSION_COST_MISMATCH') ? 3 : 0;
      expect(
        Math.abs((r.session.cost?.exclVat ?? NaN) - (cost.totalExclVat ?? NaN) - off),
        e.id,
      ).toBeLessThan(0.005);
      expect(
        Math.abs((r.session.cost?.inclVat ?? NaN) - (cost.totalInclVat ?? NaN) - off * 1.21),
        e.id,
      ).toBeLessThan(0.006);
    }
  });

  it('across them, every billing check fires', async () => {
    const all = new Set<BillingCheckCode>();
    for (const e of BILLING_EXAMPLES) for (const code of await codesOf(e.id)) all.add(code);
    expect([...all].sort()).toEqual([...BILLING_CHECK_CODES].sort());
  });
});
