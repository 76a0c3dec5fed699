import type { FormEvent } from 'react';
import { activeProfile, useAppStore } from '../../store/app-store';
import {
  cancelFetch,
  fetchSession,
  openDialog,
  openFileDialog,
  selectProfile,
  setSessionInput,
} from '../../store/actions';
import { ExportMenu } from '../export/ExportMenu';
import { SearchButton } from '../search/SearchButton';
import { AroundHint, aroundMs } from '../search/AroundHint';
import { RecentMenu } from '../recent/RecentMenu';
import { parseSessionId } from './parse-session-id';
import { TokenBadge } from './TokenBadge';
import { FetchProgressView } from './FetchProgressView';
import { PROFILE_SELECT_ID, SESSION_ID_INPUT_ID } from '../../app/element-ids';
import './topbar.css';

export function TopBar() {
  const profiles = useAppStore((s) => s.profiles);
  const profile = useAppStore(activeProfile);
  const fetching = useAppStore((s) => s.fetching);
  const idText = useAppStore((s) => s.sessionInput);
  // Only an OCPI profile GETs by CC/PARTY/ID; for the others a pasted URL gives its last segment.
  const parsed = parseSessionId(idText, { receiverRef: Boolean(profile?.ocpi) });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!fetching) void fetchSession(parsed, profile?.ocpi && !profile.demo ? aroundMs() : undefined);
  };

  return (
    <header className="topbar" role="banner">
      <span className="topbar__brand" aria-hidden="true">
        Session Inspector
      </span>
      <form className="topbar__form" onSubmit={submit} role="search" aria-label="Fetch a session">
        <label className="topbar__field">
          <span className="topbar__label">Profile</span>
          <select
            id={PROFILE_SELECT_ID}
            value={profile?.id ?? ''}
            onChange={(e) => void selectProfile(e.target.value)}
            disabled={profiles.length === 0}
          >
            {profiles.length === 0 && <option value="">No profile</option>}
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {profile && <TokenBadge profile={profile} />}
        <label className="topbar__field topbar__field--grow">
          <span className="topbar__label">Session id or URL</span>
          <input
            id={SESSION_ID_INPUT_ID}
            type="text"
            value={idText}
            onChange={(e) => setSessionInput(e.target.value)}
            placeholder="e.g. 7f3c… or https://…/sessions/7f3c…"
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        {profile?.ocpi && !profile.demo && <AroundHint />}
        {parsed && parsed !== idText.trim() && (
          <span className="topbar__parsed" data-testid="parsed-session-id">
            id: <code>{parsed}</code>
          </span>
        )}
        {fetching ? (
          <button
            type="button"
            className="button button--danger topbar__submit"
            onClick={() => void cancelFetch()}
          >
            Cancel
          </button>
        ) : (
          <button type="submit" className="button button--primary topbar__submit" disabled={!profile}>
            Fetch
          </button>
        )}
      </form>
      {fetching && <FetchProgressView />}
      <div className="topbar__actions">
        <button type="button" className="button" onClick={() => void openFileDialog()} title="Ctrl/Cmd+O">
          Open file
        </button>
        <SearchButton />
        <RecentMenu />
        <ExportMenu />
        <button type="button" className="button" onClick={() => openDialog({ kind: 'settings' })}>
          Settings
        </button>
      </div>
    </header>
  );
}
