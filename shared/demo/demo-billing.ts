/**
 * Demo sessions with billing (shared/demo/billing-examples.ts): when one is fetched on the Demo profile, its
 * CDR and tariffs attach automatically, through the same attach function as a file the user attaches.
 */
import { type BillingTexts, computeBilling } from '../billing/attach';
import type { Result } from '../domain/errors';
import type { LoadedSession } from '../domain/loaded-session';
import { cdrForSession, demoTariffs } from './billing-dataset';
import { billingExample } from './billing-examples';
import { demoCdrIndex, demoSession } from './catalog';

/** The CDR and tariff "files" of a demo session with billing, or undefined. */
export function demoBillingTexts(id: string): BillingTexts | undefined {
  const index = demoCdrIndex(id);
  const session = index === undefined ? undefined : demoSession(id);
  if (index === undefined || !session) return undefined;
  const example = billingExample(id);
  const currency = example?.tariffCurrency;
  const tariffs = demoTariffs('2.2.1').map((t) => (currency ? { ...t, currency } : t));
  const cdr = cdrForSession(
    session.body.data as Record<string, unknown>,
    '2.2.1',
    index,
    demoTariffs('2.2.1'),
  );
  if (!cdr) return undefined;
  example?.alterCdr?.(cdr);
  const envelope = (data: unknown) =>
    JSON.stringify({ status_code: 1000, status_message: 'Success', data }, null, 2);
  return {
    cdr: { fileName: `${id}-cdr.json`, text: envelope(cdr) },
    tariffs: [{ fileName: 'demo-tariffs.json', text: envelope(tariffs) }],
  };
}

/** A fetched demo session with its billing attached (unchanged when it has none). */
export function withDemoBilling(loaded: LoadedSession, id: string): Result<LoadedSession> {
  const texts = demoBillingTexts(id);
  if (!texts) return { ok: true, value: loaded };
  const billing = computeBilling(loaded.session, texts);
  return billing.ok ? { ok: true, value: { ...loaded, billing: billing.value } } : billing;
}
