// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { HistoryEntry } from '../../../../shared/domain/history';
import { RecentList } from '../../../../renderer/src/features/recent/RecentList';
import { RecentMenu } from '../../../../renderer/src/features/recent/RecentMenu';
import { visibleRecent } from '../../../../renderer/src/features/recent/recent-filter';
import { initialState, useAppStore } from '../../../../renderer/src/store/app-store';
import { installFakeBridge, ok } from '../../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../../fixtures';

const entry = (id: string, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  sessionId: '101',
  label: `101 (${id}.json)`,
  savedAt: '2026-01-02T03:04:05.000Z',
  sourceKind: 'file',
  bytes: 2048,
  source: `${id}.json`,
  status: 'COMPLETED',
  kwh: 12.345,
  startedAt: '2026-01-01T10:00:00.000Z',
  pinned: false,
  ...over,
});

// Newest first, as main lists them: three files holding session 101, one pinned, one other session.
const ENTRIES = [
  entry('a'),
  entry('b', { pinned: true, status: 'ACTIVE', kwh: null }),
  entry('c', { startedAt: null }),
  entry('d', { sessionId: 'other', label: 'other (Lab)', source: 'Lab', sourceKind: 'fetch' }),
];

let api: ReturnType<typeof installFakeBridge>['api'];
beforeEach(() => {
  useAppStore.setState({ ...initialState, history: ENTRIES }, true);
  api = installFakeBridge(loadedFrom(SESSION_JSON)).api;
  const after = (entries: HistoryEntry[]) => ok({ entries, notices: [] });
  Object.assign(api, {
    'history:delete': vi.fn(({ id }: { id: string }) => after(ENTRIES.filter((e) => e.id !== id))),
    'history:pin': vi.fn(({ id, pinned }: { id: string; pinned: boolean }) =>
      after(ENTRIES.map((e) => (e.id === id ? { ...e, pinned } : e))),
    ),
  });
});
afterEach(cleanup);

const rows = (root: HTMLElement) =>
  within(root)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.recent-entry__label')?.textContent?.replace('📌 ', ''));

describe('visibleRecent', () => {
  it('puts pinned entries first, keeps main’s order otherwise, and matches every word in any field', () => {
    expect(visibleRecent(ENTRIES, '').map((e) => e.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(visibleRecent(ENTRIES, 'active').map((e) => e.id)).toEqual(['b']);
    expect(visibleRecent(ENTRIES, '101 C.JSON').map((e) => e.id)).toEqual(['c']);
    expect(visibleRecent(ENTRIES, 'lab other').map((e) => e.id)).toEqual(['d']);
    expect(visibleRecent(ENTRIES, 'fetch').map((e) => e.id)).toEqual(['d']);
    expect(visibleRecent(ENTRIES, 'nothing-like-it')).toEqual([]);
  });
});

describe('Recent on the start screen', () => {
  it('shows three same-id files as three entries with status, kWh, time and source', () => {
    render(<RecentList />);
    const list = screen.getByTestId('recent-list');
    expect(rows(list)).toEqual(['101 (b.json)', '101 (a.json)', '101 (c.json)', 'other (Lab)']);
    const metas = [...list.querySelectorAll('.recent-entry__meta')].map((m) => m.textContent);
    expect(metas[0]).toBe('ACTIVE · — kWh · started 2026-01-01 10:00:00 UTC · b.json');
    expect(metas[1]).toBe('COMPLETED · 12.345 kWh · started 2026-01-01 10:00:00 UTC · a.json');
    expect(metas[2]).toBe('COMPLETED · 12.345 kWh · saved 2026-01-02 03:04:05 UTC · c.json');
    expect(within(list).getByLabelText('pinned')).toBeTruthy();
  });

  it('filters by the search field and says when nothing matches', () => {
    render(<RecentList />);
    const list = screen.getByTestId('recent-list');
    fireEvent.change(screen.getByLabelText('Search recent sessions'), { target: { value: 'lab' } });
    expect(rows(list)).toEqual(['other (Lab)']);
    fireEvent.change(screen.getByLabelText('Search recent sessions'), { target: { value: 'zzz' } });
    expect(within(list).getByText('No recent session matches “zzz”.')).toBeTruthy();
  });

  it('pins, unpins and deletes through main, showing main’s answer', async () => {
    render(<RecentList />);
    const list = screen.getByTestId('recent-list');
    fireEvent.click(screen.getByRole('button', { name: 'Pin 101 (c.json)' }));
    expect(api['history:pin']).toHaveBeenCalledWith({ id: 'c', pinned: true });
    await waitFor(() =>
      expect(rows(list)).toEqual(['101 (b.json)', '101 (c.json)', '101 (a.json)', 'other (Lab)']),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Unpin 101 (b.json)' }));
    expect(api['history:pin']).toHaveBeenCalledWith({ id: 'b', pinned: false });
    fireEvent.click(screen.getByRole('button', { name: 'Delete other (Lab)' }));
    expect(api['history:delete']).toHaveBeenCalledWith({ id: 'd' });
    await waitFor(() => expect(rows(list)).not.toContain('other (Lab)'));
  });

  it('opens an entry', () => {
    render(<RecentList />);
    fireEvent.click(screen.getByText('101 (a.json)'));
    expect(api['history:open']).toHaveBeenCalledWith({ id: 'a' });
  });
});

describe('Recent in the top bar', () => {
  it('lists pinned first, is searchable with focus in the search field, and opens an entry', async () => {
    render(<RecentMenu />);
    fireEvent.click(screen.getByRole('button', { name: /Recent/ }));
    const search = screen.getByLabelText('Search recent sessions');
    await waitFor(() => expect(document.activeElement).toBe(search));
    const items = () =>
      screen
        .getAllByRole('menuitem')
        .map((b) => b.querySelector('.recent-entry__label')?.textContent?.replace('📌 ', ''));
    expect(items()).toEqual(['101 (b.json)', '101 (a.json)', '101 (c.json)', 'other (Lab)']);
    fireEvent.change(search, { target: { value: 'a.json' } });
    expect(items()).toEqual(['101 (a.json)']);
    fireEvent.click(screen.getByRole('menuitem'));
    expect(api['history:open']).toHaveBeenCalledWith({ id: 'a' });
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
