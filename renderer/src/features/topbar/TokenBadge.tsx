import type { Profile, TokenStatus } from '../../../../shared/domain/profile';
import { useAppStore } from '../../store/app-store';
import { openDialog } from '../../store/actions';

const LABELS: Record<TokenStatus, string> = {
  set: 'Token set',
  unset: 'No token',
  memory: 'Token (this run)',
  unavailable: 'Keychain unavailable',
};

export function TokenBadge({ profile }: { profile: Profile }) {
  const state = useAppStore((s) => s.tokenStates[profile.id]);
  if (profile.demo) return <span className="badge badge--muted">Demo: no token needed</span>;
  const status = state?.status ?? 'unset';
  return (
    <button
      type="button"
      className={`badge badge--button badge--token-${status}`}
      onClick={() =>
        openDialog({ kind: 'token', profileId: profile.id, memoryOnly: status === 'unavailable' })
      }
      title={state?.message ?? 'Set or clear the token for this profile'}
      data-testid="token-state"
    >
      {LABELS[status]}
    </button>
  );
}
