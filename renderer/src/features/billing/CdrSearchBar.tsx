import { cdrSearchProfile, matchText } from '../../../../shared/billing/cdr-search';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { formatTime } from '../../../../shared/present/time';
import { useAppStore } from '../../store/app-store';
import { findCdrNow } from '../../store/actions';
import { cancelFindCdr } from '../../store/find-cdr';

const windowText = (w: { from: number; to: number }, zone: string | undefined): string =>
  `${formatTime(w.from, zone)} – ${formatTime(w.to, zone)}`;
const count = (n: number, what: string): string => `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;

/** Find CDR on the session's OCPI profile: the button, the running search with Cancel, and what the last one found. */
export function CdrSearchBar({ loaded, zone }: { loaded: LoadedSession; zone: string | undefined }) {
  const profiles = useAppStore((s) => s.profiles);
  const finding = useAppStore((s) => s.findingCdr);
  const profile = cdrSearchProfile(loaded, profiles);
  const last = loaded.billing?.cdrSearch;
  if (!profile && !last) return null;
  const running = finding?.key === loaded.key ? finding : null;
  const p = running?.progress ?? null;
  return (
    <div className="billing__search" data-testid="cdr-search">
      {running ? (
        <p role="status" className="billing__search-line" data-testid="cdr-search-progress">
          <span className="spinner" aria-hidden="true" />
          {p === null
            ? `Finding the CDR on ${running.profileName}…`
            : p.phase === 'cdrs'
              ? `Searching CDRs last updated ${windowText(p.searched, zone)}: ${count(p.cdrs, 'CDR')} listed…`
              : `CDR search done; fetching tariff${p.ids.length === 1 ? '' : 's'} ${p.ids.join(', ')}…`}{' '}
          <button type="button" className="button button--small" onClick={() => void cancelFindCdr()}>
            Cancel
          </button>
        </p>
      ) : (
        profile && (
          <button
            type="button"
            className="button button--small"
            data-testid="find-cdr"
            onClick={() => void findCdrNow()}
          >
            {last ? 'Find CDR again' : 'Find CDR'} on {profile.name}
          </button>
        )
      )}
      {last && !running && (
        <p className="billing__search-line muted" data-testid="cdr-search-result">
          {last.match
            ? `CDR found on ${last.profileName}, ${matchText(last.match)} (${count(last.cdrsScanned, 'CDR')} listed).`
            : `No CDR for this session on ${last.profileName}: last_updated searched ${
                last.searched.length
                  ? windowText(
                      {
                        from: Math.min(...last.searched.map((w) => w.from)),
                        to: Math.max(...last.searched.map((w) => w.to)),
                      },
                      zone,
                    )
                  : 'nowhere'
              } (${count(last.cdrsScanned, 'CDR')} listed).`}
          {last.tariffsAsked.length > 0 &&
            ` Tariffs asked: ${last.tariffsAsked.join(', ')}${last.tariffsMissing.length ? `; not listed: ${last.tariffsMissing.join(', ')}` : ''}.`}
          {last.notes.map((n) => ` ${n}`).join('')}
        </p>
      )}
    </div>
  );
}
