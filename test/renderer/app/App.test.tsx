// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App';
import { initialState, useAppStore } from '../../../renderer/src/store/app-store';
import { MAX_DROP_BYTES } from '../../../renderer/src/store/actions';
import { fail, installFakeBridge, ok, PROFILES } from '../fake-bridge';
import type { FakeBridge } from '../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../fixtures';

// jsdom has no canvas: the chart and the map are exercised in Chromium by the browser tests.
vi.mock('../../../renderer/src/features/timeline/TimelineChart', () => ({
  default: () => <div data-testid="timeline-chart">chart</div>,
}));
vi.mock('../../../renderer/src/features/map/MapView', () => ({
  default: () => <div data-testid="map-view">map</div>,
}));

const loaded = loadedFrom(SESSION_JSON);
let bridge: FakeBridge;
const clipboard = { writeText: vi.fn((_text: string) => Promise.resolve()) };

beforeEach(() => {
  useAppStore.setState({ ...initialState }, true);
  bridge = installFakeBridge(loaded);
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  clipboard.writeText.mockClear();
  localStorage.clear();
});
afterEach(cleanup);

async function start() {
  render(<App />);
  await screen.findByRole('option', { name: 'Staging' });
}

async function fetchId(text: string) {
  fireEvent.change(screen.getByLabelText('Session id or URL'), { target: { value: text } });
  fireEvent.submit(screen.getByRole('search'));
}

describe('shell', () => {
  it('starts with profiles, token state and recent sessions', async () => {
    await start();
    expect(screen.getByTestId('token-state').textContent).toBe('No token');
    expect(within(screen.getByTestId('recent-list')).getByText('Session old-1 · Staging')).toBeTruthy();
  });

  it('fetches the id taken from a pasted URL and shows every summary panel', async () => {
    await start();
    await fetchId('https://staging.example.com/ocpi/2.2.1/sessions/BE/BEC/sess-1?x=1');
    expect(screen.getByTestId('parsed-session-id').textContent).toContain('sess-1');
    await screen.findByTestId('details-panel');
    expect(bridge.api['session:fetch']).toHaveBeenCalledWith(
      expect.objectContaining({ profileId: 'p1', sessionId: 'sess-1' }),
    );
    const details = screen.getByTestId('details-panel');
    expect(within(details).getAllByText('sess-1').length).toBeGreaterThan(0);
    expect(within(details).getByText('10.00 EUR excl. VAT')).toBeTruthy();
    expect(within(details).getByText('2024-05-01 10:00:00')).toBeTruthy();
    expect(within(screen.getByTestId('checks-panel')).getByText('ENERGY_MISMATCH')).toBeTruthy();
    expect(await screen.findByTestId('timeline-chart')).toBeTruthy();
    expect(within(screen.getByTestId('period-table')).getByRole('table').getAttribute('aria-rowcount')).toBe(
      '4',
    );
  });

  it('shows progress while fetching and cancels with Esc', async () => {
    let resolveFetch: (v: unknown) => void = () => undefined;
    bridge.api['session:fetch'].mockImplementation(() => new Promise((r) => (resolveFetch = r)));
    await start();
    await fetchId('sess-1');
    await screen.findByTestId('fetch-progress');
    const requestId = (bridge.api['session:fetch'].mock.calls[0][0] as { requestId: string }).requestId;
    act(() =>
      bridge.emit('session:progress', {
        requestId,
        bytes: 5 * 1024 * 1024,
        elapsedMs: 300,
        phase: 'session',
      }),
    );
    expect(screen.getByTestId('fetch-progress').textContent).toContain('5.0 MB');
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(bridge.api['session:cancel']).toHaveBeenCalledWith({ requestId }));
    expect(screen.queryByTestId('fetch-progress')).toBeNull();
    expect(screen.getByTestId('status-line').textContent).toBe('Fetch cancelled.');
    await act(async () => resolveFetch({ ok: false, error: { kind: 'cancelled', message: 'c', hint: 'h' } }));
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('reopens a recent session in one click, and says when history entries were skipped', async () => {
    bridge.api['history:list'].mockImplementation(() =>
      ok({
        entries: [
          {
            id: 'h1',
            sessionId: 'old-1',
            label: 'Session old-1',
            savedAt: '2026-01-02T03:04:05Z',
            sourceKind: 'fetch' as const,
            bytes: 1,
          },
        ],
        notices: ['1 corrupt history entry was skipped.'],
      }),
    );
    await start();
    expect(await screen.findByText('1 corrupt history entry was skipped.')).toBeTruthy();
    fireEvent.click(
      within(screen.getByTestId('recent-list')).getByRole('button', { name: /^Session old-1/ }),
    );
    await screen.findByTestId('details-panel');
    expect(bridge.api['history:open']).toHaveBeenCalledWith({ id: 'h1' });
  });
});

describe('errors and their next step', () => {
  it('401: message, hint, and "Set token" opens the token dialog; the token ends up nowhere', async () => {
    bridge.api['session:fetch'].mockImplementation(() => fail({ kind: 'unauthorized', status: 401 }));
    await start();
    await fetchId('sess-1');
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('failed: unauthorized');
    expect(banner.textContent).toContain('hint for unauthorized');
    expect(banner.textContent).toContain('HTTP 401');
    fireEvent.click(within(banner).getByRole('button', { name: 'Set token' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Token') as HTMLInputElement;
    expect(input.type).toBe('password');
    const secret = 'S3CRET-token-value';
    fireEvent.change(input, { target: { value: secret } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save token' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.api['token:set']).toHaveBeenCalledWith({
      profileId: 'p1',
      token: secret,
      memoryOnly: false,
    });
    expect(document.documentElement.outerHTML).not.toContain(secret);
    expect(JSON.stringify(useAppStore.getState())).not.toContain(secret);
    expect(JSON.stringify({ ...localStorage })).not.toContain(secret);
    expect(screen.getByTestId('token-state').textContent).toBe('Token set');
  });

  it('404: "Check the environment" moves focus to the profile picker', async () => {
    bridge.api['session:fetch'].mockImplementation(() => fail({ kind: 'not-found', status: 404 }));
    await start();
    await fetchId('nope');
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('staging.example.com');
    fireEvent.click(within(banner).getByRole('button', { name: 'Check the environment' }));
    expect(document.activeElement?.id).toBe('profile-select');
  });

  it('offline: "Open an exported file" opens the file dialog', async () => {
    bridge.api['session:fetch'].mockImplementation(() => fail({ kind: 'offline' }));
    await start();
    await fetchId('sess-1');
    fireEvent.click(
      within(await screen.findByTestId('error-banner')).getByRole('button', {
        name: 'Open an exported file',
      }),
    );
    await waitFor(() => expect(bridge.api['session:open-dialog']).toHaveBeenCalled());
  });

  it('keychain unavailable: the token dialog offers this run only, already ticked', async () => {
    bridge.api['token:state'].mockImplementation(({ profileId }: { profileId: string }) =>
      ok({ profileId, status: 'unavailable' as const, message: 'install gnome-keyring' }),
    );
    await start();
    await waitFor(() => expect(screen.getByTestId('token-state').textContent).toBe('Keychain unavailable'));
    fireEvent.click(screen.getByTestId('token-state'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('install gnome-keyring');
    const box = within(dialog).getByRole('checkbox', { name: /this run only/ }) as HTMLInputElement;
    expect(box.checked).toBe(true);
  });
});

describe('keyboard, files and export', () => {
  it('Ctrl+L focuses the id field; Ctrl+O opens a file; Ctrl+Shift+C copies the triage summary', async () => {
    await start();
    fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
    expect(document.activeElement?.id).toBe('session-id-input');
    fireEvent.keyDown(window, { key: 'o', metaKey: true });
    await waitFor(() => expect(bridge.api['session:open-dialog']).toHaveBeenCalled());
    await fetchId('sess-1');
    await screen.findByTestId('details-panel');
    fireEvent.keyDown(window, { key: 'C', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(clipboard.writeText).toHaveBeenCalled());
    expect(clipboard.writeText.mock.calls[0][0]).toContain('## Charging session sess-1');
  });

  it('Ctrl+E opens the Export menu and each item calls the right export', async () => {
    await start();
    await fetchId('sess-1');
    await screen.findByTestId('details-panel');
    fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
    const menu = await screen.findByRole('menu');
    fireEvent.click(within(menu).getByRole('menuitem', { name: /^Bundle, redacted/ }));
    await waitFor(() =>
      expect(bridge.api['export:session']).toHaveBeenCalledWith({
        key: 'k1',
        format: 'bundle',
        redact: true,
      }),
    );
    expect(await screen.findByText(/Saved 1,234 bytes to \/tmp\/out.csv/)).toBeTruthy();
  });

  it('a dropped file opens through session:open-text; an over-large one is refused before reading', async () => {
    await start();
    const big = new File(['x'], 'huge.json');
    Object.defineProperty(big, 'size', { value: MAX_DROP_BYTES + 1 });
    const text = vi.spyOn(big, 'text');
    fireEvent.drop(window, { dataTransfer: { types: ['Files'], files: [big] } });
    expect((await screen.findByTestId('error-banner')).textContent).toContain('huge.json');
    expect(text).not.toHaveBeenCalled();
    expect(bridge.api['session:open-text']).not.toHaveBeenCalled();

    const small = new File(['{"id":"x"}'], 'export.json');
    fireEvent.drop(window, { dataTransfer: { types: ['Files'], files: [small] } });
    await waitFor(() =>
      expect(bridge.api['session:open-text']).toHaveBeenCalledWith({
        fileName: 'export.json',
        text: '{"id":"x"}',
      }),
    );
  });
});

describe('panels', () => {
  async function loadSession(json: unknown = SESSION_JSON) {
    bridge.api['session:fetch'].mockImplementation(() => ok(loadedFrom(json)));
    await start();
    await fetchId('sess-1');
    await screen.findByTestId('details-panel');
  }

  it('masks the auth id until asked', async () => {
    await loadSession();
    expect(screen.getByTestId('auth-id').textContent).toBe('TO••••••••56');
    fireEvent.click(screen.getByRole('button', { name: 'Show auth id' }));
    expect(screen.getByTestId('auth-id').textContent).toBe('TOKEN-UID-123456');
  });

  it('a check with periods zooms the timeline to them', async () => {
    await loadSession();
    fireEvent.click(screen.getByRole('tab', { name: /Raw/ }));
    fireEvent.click(screen.getByRole('button', { name: /Show periods 1–3/ }));
    expect(screen.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true');
    expect(useAppStore.getState().timelineFocus).toMatchObject({ from: 0, to: 2 });
  });

  it('Raw shows each reader warning at its path', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled; // jsdom does not lay out
    await loadSession();
    fireEvent.click(screen.getByRole('tab', { name: /Raw/ }));
    const raw = await screen.findByTestId('raw-panel');
    expect(within(raw).getByText('1 warning(s) inside')).toBeTruthy();
    fireEvent.click(
      within(raw).getByRole('button', { name: 'data.charging_periods[1].dimensions[0].volume' }),
    );
    const node = await waitFor(() => {
      const el = raw.querySelector('[data-path="data.charging_periods[1].dimensions[0].volume"]');
      if (!el) throw new Error('not revealed');
      return el;
    });
    expect(node.textContent).toContain('"ten"');
    expect(node.textContent).toContain('expected a number');
    await waitFor(() => expect(scrolled).toHaveBeenCalled());
  });

  it('server strings with HTML stay text', async () => {
    const hostile = {
      ...SESSION_JSON,
      data: { ...SESSION_JSON.data, id: '<img src=x onerror="window.pwned=1">' },
    };
    await loadSession(hostile);
    expect(screen.getAllByText('<img src=x onerror="window.pwned=1">').length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
  });

  it('tabs follow the WAI-ARIA pattern', async () => {
    await loadSession();
    const timeline = screen.getByRole('tab', { name: 'Timeline' });
    fireEvent.keyDown(timeline, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Map' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByTestId('map-view')).toBeTruthy();
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-map');
  });
});

describe('settings', () => {
  it('adds a profile and changes the time-zone display', async () => {
    await start();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add profile' }));
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Prod' } });
    fireEvent.change(within(dialog).getByLabelText('Base URL'), {
      target: { value: 'https://prod.example.com/ocpi' },
    });
    fireEvent.change(within(dialog).getByLabelText('Auth header'), { target: { value: 'header' } });
    fireEvent.change(within(dialog).getByLabelText('Header name'), { target: { value: 'X-Key' } });
    fireEvent.submit(within(dialog).getByRole('form', { name: 'New profile' }));
    await waitFor(() =>
      expect(bridge.api['profiles:save']).toHaveBeenCalledWith(
        expect.objectContaining({
          name: 'Prod',
          baseUrl: 'https://prod.example.com/ocpi',
          auth: { kind: 'header', name: 'X-Key' },
        }),
      ),
    );
    fireEvent.click(within(dialog).getByRole('radio', { name: 'This computer' }));
    await waitFor(() => expect(bridge.api['settings:update']).toHaveBeenCalledWith({ timeZone: 'local' }));
  });

  it('shows a failed save inside the dialog, and deletes only on the second click', async () => {
    bridge.api['profiles:save'].mockImplementation(() => fail({ kind: 'insecure-url' }));
    await start();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Edit Staging' }));
    fireEvent.submit(within(dialog).getByRole('form', { name: 'Edit Staging' }));
    expect((await within(dialog).findByTestId('error-banner')).textContent).toContain('failed: insecure-url');
    expect(screen.getAllByTestId('error-banner')).toHaveLength(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete Staging' }));
    expect(bridge.api['profiles:delete']).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: /Really delete Staging/ }));
    await waitFor(() => expect(bridge.api['profiles:delete']).toHaveBeenCalledWith({ id: 'p1' }));
  });
});

describe('the Demo profile', () => {
  it('is never asked about a token, so a first start shows no error', async () => {
    const demo = { ...PROFILES[0], id: 'demo', name: 'Demo (bundled sessions)', demo: true };
    bridge.api['profiles:list'].mockImplementation(() => ok({ profiles: [demo, ...PROFILES], notices: [] }));
    render(<App />);
    await screen.findByRole('option', { name: 'Staging' });
    await waitFor(() => expect(bridge.api['token:state']).toHaveBeenCalledWith({ profileId: 'p1' }));
    expect(bridge.api['token:state']).not.toHaveBeenCalledWith({ profileId: 'demo' });
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });
});
