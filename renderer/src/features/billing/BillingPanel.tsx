import { useMemo } from 'react';
import { checkPeriodsShown, presentBilling, type BillingView } from '../../../../shared/billing/billing-view';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { resolveZone } from '../../format/format';
import { attachBillingFile, detachBilling, focusPeriods } from '../../store/actions';
import { useAppStore } from '../../store/app-store';
import { CdrSearchBar } from './CdrSearchBar';
import './billing.css';

const MARK = { true: '✓ agrees', false: '✗ differs', null: '' } as const;

function Comparison({ view }: { view: BillingView }) {
  return (
    <section aria-labelledby="billing-compare" className="billing__block">
      <h3 id="billing-compare">{view.hasSession ? 'Session and CDR' : 'CDR'}</h3>
      <div className="billing__scroll">
        <table className="table billing__compare" data-testid="billing-comparison">
          <thead>
            <tr>
              <th scope="col">Field</th>
              {view.hasSession && <th scope="col">Session</th>}
              <th scope="col">CDR</th>
              {view.hasSession && <th scope="col">Verdict</th>}
            </tr>
          </thead>
          <tbody>
            {view.comparison
              .filter((r) => view.hasSession || r.cdr !== '—')
              .map((r) => (
                <tr key={r.label} className={r.agrees === false ? 'billing__row--differs' : undefined}>
                  <th scope="row">{r.label}</th>
                  {view.hasSession && <td>{r.session}</td>}
                  <td>{r.cdr}</td>
                  {view.hasSession && (
                    <td className={`billing__verdict billing__verdict--${String(r.agrees)}`}>
                      {MARK[String(r.agrees) as keyof typeof MARK]}
                      {r.by.length > 0 && <span className="muted"> ({r.by.join(', ')})</span>}
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Breakdown({ view }: { view: BillingView }) {
  if (!view.total)
    return (
      <section aria-labelledby="billing-breakdown" className="billing__block">
        <h3 id="billing-breakdown">Cost breakdown</h3>
        <p className="muted">No tariff: attach a tariff file to price the periods.</p>
      </section>
    );
  return (
    <section aria-labelledby="billing-breakdown" className="billing__block">
      <h3 id="billing-breakdown">
        Cost breakdown{' '}
        <span className="muted">(the {view.costOf === 'cdr' ? "CDR's" : "session's"} periods)</span>
      </h3>
      <p data-testid="billing-total">
        Total <strong>{view.total.exclVat}</strong> excl. VAT, <strong>{view.total.inclVat}</strong> incl. VAT
      </p>
      <div className="billing__scroll">
        <table className="table billing__breakdown" data-testid="billing-breakdown">
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Tariff</th>
              <th scope="col">Element</th>
              <th scope="col" className="num">
                Volume
              </th>
              <th scope="col">Unit</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col">VAT</th>
              <th scope="col" className="num">
                Excl. VAT
              </th>
              <th scope="col" className="num">
                Incl. VAT
              </th>
              <th scope="col">Periods</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {view.breakdown.map((r, i) => (
              <tr key={i}>
                <td>{r.dimension}</td>
                <td>
                  <code>{r.tariff}</code>
                </td>
                <td>{r.element}</td>
                <td className="num">{r.volume}</td>
                <td>{r.unit}</td>
                <td className="num">{r.price}</td>
                <td>{r.vat}</td>
                <td className="num">{r.exclVat}</td>
                <td className="num">{r.inclVat}</td>
                <td>{r.periods}</td>
                <td className="billing__notes">{r.notes.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.notes.length > 0 && (
        <details className="billing__rules">
          <summary>Rules applied ({view.notes.length})</summary>
          <ul>
            {view.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Checks({ view, loaded }: { view: BillingView; loaded: LoadedSession }) {
  return (
    <section aria-labelledby="billing-checks" className="billing__block" data-testid="billing-checks">
      <h3 id="billing-checks">
        Billing checks <span className="count">{view.checks.length}</span>
      </h3>
      {view.checks.length === 0 ? (
        <p className="muted">
          No billing check fired: {view.hasCdr ? 'the CDR adds up' : 'nothing to reconcile'}.
        </p>
      ) : (
        <ul className="checks__list">
          {view.checks.map((c, i) => (
            <li key={`${c.code}-${i}`} className={`check check--${c.severity}`}>
              <span className={`severity severity--${c.severity}`}>{c.severity}</span>
              <div className="check__body">
                <code className="check__code">{c.code}</code>
                <p>{c.message}</p>
                {c.periods &&
                  (checkPeriodsShown(c, loaded) ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => focusPeriods(c.periods![0], c.periods![1])}
                    >
                      Show periods {c.periods[0] + 1}–{c.periods[1] + 1} on the timeline
                    </button>
                  ) : (
                    <p className="muted">
                      About the CDR&apos;s periods {c.periods[0] + 1}–{c.periods[1] + 1}.
                    </p>
                  ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The session's bill: session beside CDR, the tariff in words, the engine's breakdown and the billing checks. */
export function BillingPanel({ loaded }: { loaded: LoadedSession }) {
  const display = useAppStore((s) => s.settings.timeZone);
  const zone = resolveZone(display, loaded.session.location?.timeZone ?? null).zone;
  const view = useMemo(() => presentBilling(loaded, zone), [loaded, zone]);
  const b = loaded.billing;
  return (
    <section className="billing" aria-label="Billing" data-testid="billing-panel">
      <div className="billing__actions">
        <button type="button" className="button button--small" onClick={() => void attachBillingFile()}>
          Attach CDR or tariff…
        </button>
        {b && loaded.subject !== 'cdr' && (
          <button type="button" className="button button--small" onClick={() => void detachBilling()}>
            Detach
          </button>
        )}
        {b && (
          <span className="muted billing__files">
            {[b.cdrFileName && `CDR: ${b.cdrFileName}`, ...b.tariffTexts.map((t) => `tariff: ${t.fileName}`)]
              .filter(Boolean)
              .join(' · ')}
          </span>
        )}
      </div>
      <CdrSearchBar loaded={loaded} zone={zone} />
      {!view ? (
        <p className="muted">
          No CDR or tariff attached. Find the CDR on the session&apos;s OCPI profile, attach a CDR or tariff
          file, or drop one on the window, to explain the bill.
        </p>
      ) : (
        <>
          <Comparison view={view} />
          <section aria-labelledby="billing-tariffs" className="billing__block">
            <h3 id="billing-tariffs">
              Tariff{view.tariffs.length === 1 ? '' : 's'}{' '}
              <span className="muted">
                {view.tariffsFrom === 'files'
                  ? '(attached)'
                  : view.tariffsFrom === 'cdr'
                    ? "(the CDR's own)"
                    : ''}
              </span>
            </h3>
            {view.tariffs.length === 0 ? (
              <p className="muted">None: the CDR carries no tariff and none is attached.</p>
            ) : (
              <ul className="billing__tariffs" data-testid="billing-tariffs">
                {view.tariffs.map((t, i) => (
                  <li key={i}>
                    <code>{t.id}</code>: {t.words}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <Breakdown view={view} />
          <Checks view={view} loaded={loaded} />
        </>
      )}
    </section>
  );
}
