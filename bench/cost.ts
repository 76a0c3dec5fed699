/**
 * Cost engine benchmark: a generated 200,000-period session (OCPI 2.2.1, Amsterdam), priced with a tariff
 * that has time-of-day, kWh-tier and parking elements (so restrictions, splits and the zone clock all run).
 * Prints medians of JSON.parse alone, pricing alone (on the already-read session) and the ratio
 * pricing / parse, and the first (cold) pricing call. Target: ≤ 0.25. Run alone with `npx tsx bench/cost.ts`.
 */
import { priceSession } from '../shared/billing/cost-engine';
import { pricingInputFromSession } from '../shared/billing/pricing-input';
import { readTariffs } from '../shared/billing/read-tariff';
import { generateSession } from '../shared/demo/generate-session';
import { readSession } from '../shared/session/read-session';
import { mb, ms, timeMedian } from './stats';

const BENCH_TARIFF = {
  id: 'bench',
  currency: 'EUR',
  country_code: 'NL',
  party_id: 'SIN',
  elements: [
    { price_components: [{ type: 'FLAT', price: 0.35, vat: 21, step_size: 1 }] },
    {
      price_components: [{ type: 'ENERGY', price: 0.45, vat: 21, step_size: 1 }],
      restrictions: { start_time: '08:00', end_time: '18:00', max_kwh: 30 },
    },
    {
      price_components: [{ type: 'ENERGY', price: 0.39, vat: 21, step_size: 1 }],
      restrictions: { min_kwh: 30 },
    },
    { price_components: [{ type: 'ENERGY', price: 0.29, vat: 21, step_size: 1 }] },
    {
      price_components: [{ type: 'PARKING_TIME', price: 6, vat: 21, step_size: 900 }],
      restrictions: { day_of_week: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] },
    },
  ],
  last_updated: '2024-01-01T00:00:00Z',
};

export function runCostBench(periods = 200_000): void {
  const { body, location } = generateSession({ periods, shape: 'ocpi-2.2.1', seed: 7 });
  const text = JSON.stringify(body);
  const read = readSession(JSON.parse(text), { location });
  const tariffs = readTariffs(BENCH_TARIFF);
  if (!read.ok || !tariffs.ok) throw new Error('bench input did not read');
  const input = pricingInputFromSession(read.session, tariffs.tariffs);
  const parse = timeMedian(() => JSON.parse(text));
  // The app prices a session once: the first call (cold JIT) is the figure a user waits for.
  const t0 = performance.now();
  priceSession(input);
  const cold = performance.now() - t0;
  let rows = 0;
  let total: number | null = null;
  const pricing = timeMedian(() => {
    const result = priceSession(input);
    rows = result.components.length;
    total = result.totalInclVat;
  });
  console.log(
    `cost: ${periods.toLocaleString('en')} periods, ${mb(text.length)} of JSON, zone ${input.timeZone ?? 'none'} (${rows} rows, €${total} incl. VAT)`,
  );
  console.log(`  JSON.parse alone          ${ms(parse)}`);
  console.log(`  pricing, first call       ${ms(cold)}`);
  console.log(`  pricing alone             ${ms(pricing)}`);
  console.log(`  pricing / parse           ${(pricing / parse).toFixed(3)}   target ≤ 0.25`);
}

if (import.meta.url === `file://${process.argv[1]}`) runCostBench();
