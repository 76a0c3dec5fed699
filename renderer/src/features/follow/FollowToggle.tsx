/**
 * Live follow of an ACTIVE or PENDING session fetched on an OCPI profile: every N seconds (the Settings
 * value, default 30; shown here with a way to change it) one
 * `session:follow` call (a Receiver GET by id, or a Sender list from the last last_updated seen); a newer
 * session replaces the shown one under the same key, so Details update and the timeline extends in place,
 * its zoom and hidden series handed over to the extended periods.
 * Stops when the session ends, a tick fails, or the view goes.
 */
import { useEffect, useRef, useState } from 'react';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import type { PeriodTable } from '../../../../shared/session/types';
import { isFollowable } from '../../../../shared/ocpi/follow';
import { getInspector } from '../../bridge';
import { formatTime } from '../../format/format';
import { openDialog, showVolumesAsSent } from '../../store/actions';
import { activeProfile, useAppStore } from '../../store/app-store';
import { useTimelineLink } from '../timeline/timeline-link';
import './follow.css';

/** The chart keeps its view per periods table; a followed session's newer periods extend the same one. */
function carryChartView(from: PeriodTable, to: PeriodTable): void {
  const { view } = useTimelineLink.getState();
  if (view?.periods === from) useTimelineLink.setState({ view: { ...view, periods: to } });
}

export function FollowToggle({ loaded }: { loaded: LoadedSession }) {
  const profile = useAppStore(activeProfile);
  const [following, setFollowing] = useState(false);
  const seconds = useAppStore((s) => s.settings.followSeconds);
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
        if (r.value.updated) {
          const { asSent } = useAppStore.getState();
          carryChartView(current.current.session.periods, r.value.loaded.session.periods);
          useAppStore.setState({ loaded: r.value.loaded });
          // Shown with its volumes as sent: the newer session is shown so too, not the old one.
          if (asSent) void showVolumesAsSent(true);
        }
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
      <span className="follow__every" data-testid="follow-interval">
        every {seconds} s
        <button
          type="button"
          className="link-button"
          onClick={() => openDialog({ kind: 'settings' })}
          aria-label="Change the follow interval in Settings"
        >
          Change…
        </button>
      </span>
      {note && (
        <span className="follow__note" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
