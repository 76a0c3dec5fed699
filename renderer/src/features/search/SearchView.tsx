/**
 * Search: sessions by their last_updated window (OCPI's only list filter), then status and free text over
 * what was listed. Pages stream in with progress and cancel; a failed page keeps the rows and names the
 * part of the window not read; X-Total-Count and its drift are shown; a row opens in the inspector.
 */
import { useEffect, useMemo, type FormEvent } from 'react';
import { isoInZone, localZone } from '../../../../shared/present/time';
import { RequestList } from '../../app/RequestList';
import { presentRequest } from '../../../../shared/present/present-session';
import { formatTime } from '../../format/format';
import { activeProfile, useAppStore } from '../../store/app-store';
import { cancelSearch, exportSearchCsv, openRow, openSearch, startSearch } from './search-actions';
import { useSearchStore } from './search-store';
import { SearchTable } from './SearchTable';
import type { SortOrder } from './search-table';
import { useShallow } from 'zustand/react/shallow';
import type { SearchRow } from '../../../../shared/domain/search';
import './search.css';

const STATUSES = ['ACTIVE', 'COMPLETED', 'INVALID', 'PENDING', 'RESERVATION'];
const set = useSearchStore.setState;
const count = (n: number): string => n.toLocaleString('en');

/** A row opens in the inspector (one function, so the table's rows need not render again for it). */
const open = (row: SearchRow): void => void openRow(row);
const setSort = (sort: SortOrder | null): void => set({ sort });

function ProgressLine({ zone }: { zone: string }) {
  const progress = useSearchStore((s) => s.progress);
  const done = useSearchStore((s) => s.done);
  const running = useSearchStore((s) => s.running);
  const rows = useSearchStore((s) => s.rows.length);
  const p = done ?? progress;
  if (!p && !running) return null;
  const total = p?.totalCount ?? null;
  const parts = [
    `${count(p?.pages ?? 0)} page${p?.pages === 1 ? '' : 's'}`,
    `${count(p?.listed ?? 0)} sessions listed`,
    `${count(rows)} shown`,
    total === null ? 'no X-Total-Count from the server' : `X-Total-Count ${count(total)}`,
  ];
  const reached = progress?.reachedLastUpdated ?? null;
  return (
    <p className="search-view__progress" role="status" data-testid="search-progress">
      {running ? 'Searching… ' : done?.cancelled ? 'Cancelled: ' : 'Done: '}
      {parts.join(' · ')}
      {running && reached !== null && ` · read up to ${formatTime(reached, zone)}`}
    </p>
  );
}

function Outcome({ zone }: { zone: string }) {
  const done = useSearchStore((s) => s.done);
  const error = useSearchStore((s) => s.error);
  if (error)
    return (
      <p className="search-view__failure" role="alert">
        {error.message} {error.hint}
      </p>
    );
  if (!done) return null;
  const { failure } = done;
  const when = (ms: number | null, open: string): string => (ms === null ? open : formatTime(ms, zone));
  return (
    <>
      {failure && (
        <p className="search-view__failure" role="alert" data-testid="search-failure">
          {done.cancelled ? 'The search was cancelled.' : failure.message} Kept the {count(done.matched)}{' '}
          sessions read; missing: last_updated from {when(failure.missing.from, 'the start')} to{' '}
          {when(failure.missing.to, 'now')}.{' '}
          {done.cancelled ? 'Search again to read the rest.' : failure.hint}
        </p>
      )}
      {done.notes.map((note) => (
        <p key={note} className="search-view__note" data-testid="search-note">
          {note}
        </p>
      ))}
      <RequestList requests={done.requests.map(presentRequest)} testId="search-requests" />
    </>
  );
}

/** The table re-renders as rows stream in; the form around it does not. */
function StreamedTable({ zone }: { zone: string }) {
  const rows = useSearchStore((s) => s.rows);
  const version = useSearchStore((s) => s.version);
  const sort = useSearchStore((s) => s.sort);
  const onlyWithFindings = useSearchStore((s) => s.onlyWithFindings);
  return (
    <SearchTable
      rows={rows}
      version={version}
      sort={sort}
      onlyWithFindings={onlyWithFindings}
      zone={zone}
      onSort={setSort}
      onOpen={open}
    />
  );
}

function ExportButton() {
  const disabled = useSearchStore((s) => s.rows.length === 0 || s.searchId === null);
  return (
    <button type="button" className="button" disabled={disabled} onClick={() => void exportSearchCsv()}>
      Export CSV
    </button>
  );
}

export function SearchView() {
  const s = useSearchStore(
    useShallow(({ fromText, toText, status, text, running, onlyWithFindings }) => ({
      fromText,
      toText,
      status,
      text,
      running,
      onlyWithFindings,
    })),
  );
  const profile = useAppStore(activeProfile);
  // Asking Intl for the zone costs more than a render: once per visit to the view.
  const zone = useMemo(localZone, []);
  const zoneText = useMemo(() => {
    const offset = isoInZone(Date.now(), zone).slice(23);
    return zone === 'UTC' || offset === 'Z' ? zone : `${zone} (UTC${offset})`;
  }, [zone]);
  // The zone's first time format builds its Intl formatter (a few ms): done as the view opens, so the
  // first frame of results does not pay it.
  useEffect(() => void formatTime(Date.now(), zone), [zone]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void startSearch();
  };
  const noOcpi = profile !== null && !profile.ocpi;
  return (
    <section className="search-view" aria-labelledby="search-heading">
      <div className="search-view__head">
        <h1 id="search-heading">Search sessions</h1>
        <button type="button" className="button" onClick={() => openSearch(false)}>
          Close search
        </button>
      </div>
      {noOcpi && (
        <p className="search-view__note">
          The profile “{profile.name}” has no OCPI versions URL: add it in Settings to search its sessions.
        </p>
      )}
      <form className="search-view__filters" onSubmit={submit} aria-label="Search filters">
        <fieldset className="search-view__range">
          <legend>
            Last updated (the OCPI <code>last_updated</code> filter), {zoneText}
          </legend>
          <label>
            From
            <input
              type="datetime-local"
              value={s.fromText}
              onChange={(e) => set({ fromText: e.target.value })}
              required
            />
          </label>
          <label>
            To (excluded)
            <input
              type="datetime-local"
              value={s.toText}
              onChange={(e) => set({ toText: e.target.value })}
              required
            />
          </label>
        </fieldset>
        <label>
          Status
          <select value={s.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">Any</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <label className="search-view__text">
          Text
          <input
            type="search"
            value={s.text}
            onChange={(e) => set({ text: e.target.value })}
            placeholder="id, auth or contract id, location, EVSE"
            spellCheck={false}
          />
        </label>
        <div className="search-view__buttons">
          {s.running ? (
            <button type="button" className="button button--danger" onClick={() => void cancelSearch()}>
              Cancel
            </button>
          ) : (
            <button type="submit" className="button button--primary" disabled={!profile || noOcpi}>
              Search
            </button>
          )}
        </div>
      </form>
      <ProgressLine zone={zone} />
      <Outcome zone={zone} />
      <div className="search-view__tools">
        <label className="search-view__check">
          <input
            type="checkbox"
            checked={s.onlyWithFindings}
            onChange={(e) => set({ onlyWithFindings: e.target.checked })}
          />{' '}
          Only with findings
        </label>
        <span className="search-view__zone">Times in {zone}</span>
        <ExportButton />
      </div>
      <StreamedTable zone={zone} />
    </section>
  );
}
