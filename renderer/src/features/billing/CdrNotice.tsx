import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { selectTab } from '../../store/actions';
import './billing.css';

/** In place of the session panels when a CDR was opened alone: say so, and where its billing is. */
export function CdrNotice({ loaded }: { loaded: LoadedSession }) {
  const cdr = loaded.billing?.cdr;
  return (
    <section className="panel cdr-notice" aria-labelledby="cdr-notice-heading" data-testid="cdr-notice">
      <h2 id="cdr-notice-heading">No session: this is a CDR</h2>
      <p>
        <code>{loaded.source.fileName ?? 'This file'}</code> is a Charge Detail Record
        {cdr?.id ? (
          <>
            {' '}
            (<code>{cdr.id}</code>
            {cdr.sessionId ? (
              <>
                , for session <code>{cdr.sessionId}</code>
              </>
            ) : null}
            )
          </>
        ) : null}
        , not a session. The timeline and map show the periods and place it bills; session checks do not
        apply.
      </p>
      <p>
        Its checks and cost are on the{' '}
        <button type="button" className="link-button" onClick={() => selectTab('billing')}>
          Billing tab
        </button>{' '}
        ({loaded.billing?.checks.length ?? 0} billing check{loaded.billing?.checks.length === 1 ? '' : 's'}).
        Open the session too and attach this CDR to it to reconcile them.
      </p>
    </section>
  );
}
