import { activeProfile, useAppStore } from '../store/app-store';
import { copyText, dismissError, openDialog, openFileDialog, retryFetch } from '../store/actions';
import { PROFILE_SELECT_ID, SESSION_ID_INPUT_ID } from './element-ids';
import { DemoSessions } from './DemoSessions';
import { isRetryable, NEXT_STEP_LABELS, nextStepFor } from './next-step';
import type { NextStep } from './next-step';

function runStep(step: Exclude<NextStep, null>, profileId: string | null): void {
  switch (step) {
    case 'set-token':
    case 'keep-token-for-run':
      dismissError();
      if (profileId) openDialog({ kind: 'token', profileId, memoryOnly: step === 'keep-token-for-run' });
      else openDialog({ kind: 'settings' });
      return;
    case 'check-environment':
      document.getElementById(PROFILE_SELECT_ID)?.focus();
      return;
    case 'open-file':
      void openFileDialog();
      return;
    case 'edit-id':
      document.getElementById(SESSION_ID_INPUT_ID)?.focus();
      return;
    case 'open-settings':
      dismissError();
      openDialog({ kind: 'settings' });
  }
}

export function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  const profile = useAppStore(activeProfile);
  const sessionShown = useAppStore((s) => s.loaded !== null);
  const canRetry = useAppStore((s) => s.lastFetchId !== null && s.fetching === null);
  if (!error) return null;
  const step = nextStepFor(error.kind);
  const retry = canRetry && isRetryable(error);
  const codes = [
    error.status ? `HTTP ${error.status}` : null,
    error.ocpiStatus ? `OCPI ${error.ocpiStatus}` : null,
  ].filter(Boolean);
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-kind={error.kind}>
      <div className="error-banner__text">
        <strong className="error-banner__message">{error.message}</strong>
        {codes.length > 0 && <span className="badge badge--error">{codes.join(' · ')}</span>}
        <p className="error-banner__hint">{error.hint}</p>
        {error.requestId && (
          <p className="error-banner__request">
            Request id <code data-testid="error-request-id">{error.requestId}</code>{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => void copyText(error.requestId ?? '', 'Request id')}
            >
              Copy request id
            </button>
          </p>
        )}
        {/* The start page lists them already. */}
        {error.kind === 'not-found' && profile?.demo && sessionShown && (
          <DemoSessions heading="The Demo profile has these sessions:" />
        )}
        {step === 'check-environment' && profile && !profile.demo && (
          <p className="muted">
            Profile: {profile.name} · <code>{profile.baseUrl}</code> ({profile.flavour})
          </p>
        )}
      </div>
      <div className="error-banner__actions">
        {retry && (
          <button type="button" className="button button--primary" onClick={() => void retryFetch()}>
            Retry
          </button>
        )}
        {step && (
          <button
            type="button"
            className={retry ? 'button' : 'button button--primary'}
            onClick={() => runStep(step, profile?.id ?? null)}
          >
            {NEXT_STEP_LABELS[step]}
          </button>
        )}
        <button type="button" className="button" onClick={dismissError}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
