import { useState } from 'react';
import type { FormEvent } from 'react';
import { Modal } from '../../app/Modal';
import { nextStepFor } from '../../app/next-step';
import { useAppStore } from '../../store/app-store';
import { clearToken, dismissError, openDialog, setToken } from '../../store/actions';

/** An error a new token answers (no token, refused token, no keychain): stale once a token is saved. */
const solvedByToken = (kind: Parameters<typeof nextStepFor>[0]): boolean => {
  const step = nextStepFor(kind);
  return step === 'set-token' || step === 'keep-token-for-run';
};

/** Sets or clears a profile's token. The typed token lives only in this input until it is sent to main. */
export function TokenDialog({
  profileId,
  memoryOnly: memoryFirst,
}: {
  profileId: string;
  memoryOnly: boolean;
}) {
  const profile = useAppStore((s) => s.profiles.find((p) => p.id === profileId));
  const state = useAppStore((s) => s.tokenStates[profileId]);
  const [token, setTokenText] = useState('');
  const [memoryOnly, setMemoryOnly] = useState(memoryFirst || state?.status === 'unavailable');
  const [busy, setBusy] = useState(false);
  const close = (): void => openDialog(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!token.trim()) return;
    setBusy(true);
    const saved = await setToken(profileId, token.trim(), memoryOnly);
    // Forget the token as soon as main has it (or refused it).
    setTokenText('');
    setBusy(false);
    if (!saved) return;
    const { error } = useAppStore.getState();
    if (error && solvedByToken(error.kind)) dismissError();
    close();
  };

  return (
    <Modal title={`Token for ${profile?.name ?? 'profile'}`} onClose={close}>
      <form onSubmit={(e) => void submit(e)} className="form">
        <p className="muted" data-testid="token-dialog-state">
          Now: {describe(state?.status)}
        </p>
        {state?.status === 'unavailable' && (
          <p className="note" role="note">
            The system keychain cannot be used{state.message ? `: ${state.message}` : '.'} You can keep the
            token for this run only; it is forgotten when the app quits.
          </p>
        )}
        <label className="form__field">
          <span>Token</span>
          <input
            type="password"
            value={token}
            onChange={(e) => setTokenText(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            name="token"
          />
        </label>
        <label className="form__check">
          <input type="checkbox" checked={memoryOnly} onChange={(e) => setMemoryOnly(e.target.checked)} />
          <span>Keep for this run only (not in the keychain)</span>
        </label>
        <div className="form__actions">
          {(state?.status === 'set' || state?.status === 'memory') && (
            <button
              type="button"
              className="button button--danger"
              onClick={() => void clearToken(profileId)}
            >
              Clear token
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !token.trim()}>
            Save token
          </button>
        </div>
      </form>
    </Modal>
  );
}

function describe(status: string | undefined): string {
  switch (status) {
    case 'set':
      return 'a token is saved in the keychain.';
    case 'memory':
      return 'a token is kept for this run only.';
    case 'unavailable':
      return 'the keychain is unavailable.';
    default:
      return 'no token is set.';
  }
}
