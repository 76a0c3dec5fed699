/**
 * Live follow of an ACTIVE or PENDING session fetched on an OCPI profile: every N seconds (default 30) one
 * `session:follow` call (a Receiver GET by id, or a Sender list from the last last_updated seen); a newer
 * session replaces the shown one under the same key, so Details update and the timeline extends in place.
 * Stops when the session ends, a tick fails, or the view goes.
 */
import { useEffect, useRef, useState } from 'react';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { DEFAULT_FOLLOW_SECONDS, isFollowable } from '../../../../shared/ocpi/follow';
import { getInspector } from '../../bridge';
import { formatTime } from '../../format/format';
import { activeProfile, useAppStore } from '../../store/app-store';
import './follow.css';

const MIN_SECONDS = 5;
const MAX_SECONDS = 3600;

export function FollowToggle({ loaded }: { loaded: LoadedSession }) {
  const profile = useAppStore(activeProfile);
  const [following, setFollowing] = useState(false);
  const [seconds, setSeconds] = useState(DEFAULT_FOLLOW_SECONDS);
  const [note, setNote] = useState<string | null>(null);
  const current = useRef(loaded);
  current.current = loaded;

  useEffect(() => {
    if (!following || !profile) return;
    const bridge = getInspector();
    if (!bridge) return;
    let busy = false;
    const timer = window.setInterval(() => {
      if (busy) return;
      busy = true;
      void bridge['session:follow']({ key: current.current.key, profileId: profile.id }).then((r) => {
        busy = false;
        const at = formatTime(Date.now(), undefined);
        if (!r.ok) {
          setFollowing(false);
          setNote(`Follow stopped at ${at}: ${r.error.message} ${r.error.hint}`);
          return;
        }
        if (r.value.updated) useAppStore.setState({ loaded: r.value.loaded });
        setNote(`Checked ${at}: ${r.value.updated ? 'updated' : 'no change'}.`);
        if (!r.value.followable) {
          setFollowing(false);
          setNote(
            `Checked ${at}: the session is ${r.value.loaded.session.status ?? 'over'}; follow stopped.`,
          );
        }
      });
    }, seconds * 1000);
    return () => window.clearInterval(timer);
  }, [following, seconds, profile]);

  if (loaded.source.kind !== 'fetch' || !profile?.ocpi || !isFollowable(loaded.session.status)) return null;
  return (
    <div className="follow" data-testid="follow">
      <label className="follow__toggle">
        <input type="checkbox" checked={following} onChange={(e) => setFollowing(e.target.checked)} /> Follow
      </label>
      <label className="follow__every">
        every{' '}
        <input
          type="number"
          min={MIN_SECONDS}
          max={MAX_SECONDS}
          value={seconds}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (Number.isFinite(n)) setSeconds(Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, n)));
          }}
          aria-label="Follow interval in seconds"
        />{' '}
        s
      </label>
      {note && (
        <span className="follow__note" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
