// @vitest-environment jsdom
/**
 * Search events: those that arrive before `search:start` has answered with the search's id are kept (main
 * streams the first pages at once), other searches' are dropped; pages reach the view in one render per
 * frame at most every 100 ms, and the end shows every row at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSearch } from '../../../../renderer/src/features/search/search-actions';
import { initialSearchState, useSearchStore } from '../../../../renderer/src/features/search/search-store';
import { useAppStore } from '../../../../renderer/src/store/app-store';
import type { SearchDoneEvent, SearchRow } from '../../../../shared/domain/search';
import { installFakeBridge, ok, PROFILES, type FakeBridge } from '../../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../../fixtures';

const row = (id: string): SearchRow => ({
  key: id,
  id,
  countryCode: null,
  partyId: null,
  status: 'COMPLETED',
  startedAt: null,
  endedAt: null,
  kwh: 1,
  lastUpdated: null,
  locationId: null,
  evseUid: null,
  authId: null,
  contractId: null,
  anomalies: [],
});
const page = (searchId: string, n: number, from = 0) => ({
  searchId,
  rows: Array.from({ length: n }, (_, i) => row(`${searchId}-${from + i}`)),
});
const done = (searchId: string): SearchDoneEvent => ({
  searchId,
  pages: 3,
  listed: 75,
  matched: 75,
  totalCount: 75,
  firstTotalCount: 75,
  serverLimit: 25,
  notes: [],
  failure: null,
  cancelled: false,
  requests: [],
});

let bridge: FakeBridge;
beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
  });
  bridge = installFakeBridge(loadedFrom(SESSION_JSON));
  useAppStore.setState({
    profiles: PROFILES,
    settings: { ...useAppStore.getState().settings, activeProfileId: 'p1' },
  });
  useSearchStore.setState({
    ...initialSearchState(),
    fromText: '2024-05-01T00:00',
    toText: '2024-05-02T00:00',
  });
});
afterEach(() => vi.useRealTimers());

describe('search events', () => {
  it('keeps the pages that come before search:start answers, and drops another search’s', async () => {
    bridge.api['search:start'].mockImplementation(() => {
      bridge.emit('search:rows', page('s1', 25));
      bridge.emit('search:rows', page('older', 25));
      bridge.emit('search:progress', {
        searchId: 's1',
        pages: 1,
        listed: 25,
        matched: 25,
        totalCount: 50,
        reachedLastUpdated: null,
      });
      return ok({ searchId: 's1' });
    });
    await startSearch();
    expect(useSearchStore.getState().searchId).toBe('s1');
    expect(useSearchStore.getState().rows.map((r) => r.key)).toEqual(page('s1', 25).rows.map((r) => r.key));
    bridge.emit('search:rows', page('older', 25));
    bridge.emit('search:rows', page('s1', 25, 25));
    bridge.emit('search:done', { ...done('s1'), listed: 50, matched: 50 });
    const s = useSearchStore.getState();
    expect(s.rows).toHaveLength(50);
    expect(s.rows.every((r) => r.key.startsWith('s1-'))).toBe(true);
    expect(s.done?.matched).toBe(50);
    expect(s.progress?.pages).toBe(1);
    expect(s.running).toBe(false);
  });

  it('tells the view of new pages once per frame, at most every 100 ms; the end at once', async () => {
    bridge.api['search:start'].mockImplementation(() => ok({ searchId: 's2' }));
    await startSearch();
    const versions: number[] = [];
    const unsubscribe = useSearchStore.subscribe((s, before) => {
      if (s.version !== before.version) versions.push(s.rows.length);
    });
    for (let i = 0; i < 5; i++) bridge.emit('search:rows', page('s2', 25, i * 25));
    // The rows are there at once; the view hears of them in the next frame, once.
    expect(useSearchStore.getState().rows).toHaveLength(125);
    expect(versions).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(versions).toEqual([125]);
    // Within 100 ms of that render, more pages wait for the next turn.
    bridge.emit('search:rows', page('s2', 25, 125));
    await vi.advanceTimersByTimeAsync(50);
    expect(versions).toEqual([125]);
    bridge.emit('search:rows', page('s2', 25, 150));
    await vi.advanceTimersByTimeAsync(80);
    expect(versions).toEqual([125, 175]);
    bridge.emit('search:rows', page('s2', 25, 175));
    bridge.emit('search:done', done('s2'));
    expect(versions).toEqual([125, 175, 200]);
    expect(useSearchStore.getState().done?.searchId).toBe('s2');
    // Nothing is left to flush after the end.
    await vi.advanceTimersByTimeAsync(500);
    expect(versions).toEqual([125, 175, 200]);
    unsubscribe();
  });
});
