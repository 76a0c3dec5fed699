// @vitest-environment jsdom
/** Follow: shown for an ACTIVE session fetched on an OCPI profile; each tick asks main (every Settings' followSeconds, shown), a newer session replaces the shown one, an ended one stops it. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FollowToggle } from '../../../../renderer/src/features/follow/FollowToggle';
import { useAppStore } from '../../../../renderer/src/store/app-store';
import { useTimelineLink } from '../../../../renderer/src/features/timeline/timeline-link';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { installFakeBridge, ok, PROFILES } from '../../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../../fixtures';

const OCPI_PROFILE = { ...PROFILES[0], ocpi: { versionsUrl: 'https://staging.example.com/ocpi/versions' } };

function fetched(status: string, kwh: number): LoadedSession {
  const base = loadedFrom({ ...SESSION_JSON, data: { ...SESSION_JSON.data, status, kwh } }, 'k-follow');
  return { ...base, source: { ...base.source, kind: 'fetch' } };
}

beforeEach(() => {
  vi.useFakeTimers();
  useAppStore.setState({
    profiles: [OCPI_PROFILE],
    settings: { ...useAppStore.getState().settings, activeProfileId: 'p1', followSeconds: 30 },
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('FollowToggle', () => {
  it('is not offered for an ended session or a profile without OCPI', () => {
    installFakeBridge(fetched('COMPLETED', 1));
    const { container } = render(<FollowToggle loaded={fetched('COMPLETED', 1)} />);
    expect(container.textContent).toBe('');
    useAppStore.setState({ profiles: [PROFILES[0]] });
    const again = render(<FollowToggle loaded={fetched('ACTIVE', 1)} />);
    expect(again.container.textContent).toBe('');
  });

  it('re-fetches every N seconds, shows a newer session in place, and stops once it has ended', async () => {
    const first = fetched('ACTIVE', 1);
    const bridge = installFakeBridge(first);
    const newer = fetched('ACTIVE', 2);
    const ended = fetched('COMPLETED', 3);
    bridge.api['session:follow']
      .mockImplementationOnce(() => ok({ loaded: newer, updated: true, followable: true }))
      .mockImplementationOnce(() => ok({ loaded: ended, updated: true, followable: false }));
    useAppStore.setState({
      loaded: first,
      settings: { ...useAppStore.getState().settings, followSeconds: 10 },
    });
    render(<FollowToggle loaded={first} />);
    expect(screen.getByTestId('follow-interval').textContent).toMatch(/^every 10 s/);
    fireEvent.click(screen.getByLabelText('Follow'));
    await act(() => vi.advanceTimersByTimeAsync(9_000));
    expect(bridge.api['session:follow']).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(bridge.api['session:follow']).toHaveBeenCalledWith({ key: 'k-follow', profileId: 'p1' });
    expect(useAppStore.getState().loaded).toBe(newer);
    expect(screen.getByRole('status').textContent).toMatch(/updated/);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(useAppStore.getState().loaded).toBe(ended);
    expect(screen.getByRole('status').textContent).toMatch(/COMPLETED; follow stopped/);
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(bridge.api['session:follow']).toHaveBeenCalledTimes(2);
  });

  it('shows the default interval, follows a changed setting at once, and opens Settings to change it', async () => {
    const first = fetched('ACTIVE', 1);
    const bridge = installFakeBridge(first);
    render(<FollowToggle loaded={first} />);
    expect(screen.getByTestId('follow-interval').textContent).toMatch(/^every 30 s/);
    fireEvent.click(screen.getByLabelText('Follow'));
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(bridge.api['session:follow']).not.toHaveBeenCalled();
    act(() => useAppStore.setState({ settings: { ...useAppStore.getState().settings, followSeconds: 5 } }));
    expect(screen.getByTestId('follow-interval').textContent).toMatch(/^every 5 s/);
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(bridge.api['session:follow']).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Change the follow interval in Settings' }));
    expect(useAppStore.getState().dialog).toEqual({ kind: 'settings' });
  });

  it("hands the chart's zoom and hidden series to the newer session's periods", async () => {
    const first = fetched('ACTIVE', 1);
    const bridge = installFakeBridge(first);
    const newer = fetched('ACTIVE', 2);
    bridge.api['session:follow'].mockImplementationOnce(() =>
      ok({ loaded: newer, updated: true, followable: true }),
    );
    useAppStore.setState({ loaded: first });
    useTimelineLink.setState({
      view: { periods: first.session.periods, range: [100, 200], hidden: ['SoC'] },
    });
    render(<FollowToggle loaded={first} />);
    fireEvent.click(screen.getByLabelText('Follow'));
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(useAppStore.getState().loaded).toBe(newer);
    expect(useTimelineLink.getState().view).toEqual({
      periods: newer.session.periods,
      range: [100, 200],
      hidden: ['SoC'],
    });
    expect(useTimelineLink.getState().view?.periods).toBe(newer.session.periods);
  });

  it('a session shown with its volumes as sent is shown so after a tick too: the newer one', async () => {
    const first = fetched('ACTIVE', 1);
    const bridge = installFakeBridge(first);
    const newer = fetched('ACTIVE', 2);
    bridge.api['session:follow'].mockImplementationOnce(() =>
      ok({ loaded: newer, updated: true, followable: true }),
    );
    useAppStore.setState({ loaded: first, asSent: first.session });
    render(<FollowToggle loaded={first} />);
    fireEvent.click(screen.getByLabelText('Follow'));
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    await vi.waitFor(() => expect(useAppStore.getState().asSent?.kwh).toBe(2));
    expect(useAppStore.getState().loaded).toBe(newer);
  });

  it('a failed tick stops following and says why', async () => {
    const first = fetched('ACTIVE', 1);
    const bridge = installFakeBridge(first);
    bridge.api['session:follow'].mockImplementationOnce(() =>
      Promise.resolve({
        ok: false,
        error: { kind: 'network', message: 'Offline.', hint: 'Check the network.' },
      }),
    );
    render(<FollowToggle loaded={first} />);
    fireEvent.click(screen.getByLabelText('Follow'));
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(screen.getByRole('status').textContent).toMatch(/Follow stopped .*Offline\. Check the network\./);
    expect((screen.getByLabelText('Follow') as HTMLInputElement).checked).toBe(false);
  });
});
