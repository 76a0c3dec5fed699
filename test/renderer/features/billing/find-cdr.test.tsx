// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../../renderer/src/app/App';
import { initialState, useAppStore } from '../../../../renderer/src/store/app-store';
import { fetchSession } from '../../../../renderer/src/store/actions';
import { computeBilling } from '../../../../shared/billing/attach';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import type { Profile } from '../../../../shared/domain/profile';
import { fail, installFakeBridge, ok, PROFILES } from '../../fake-bridge';
import type { FakeBridge } from '../../fake-bridge';
import { loadedFrom } from '../../fixtures';
import { agreeingCdr, agreeingSession } from '../../../fixtures/billing/cdrs';
import { agreeingTariff } from '../../../fixtures/billing/tariffs';

vi.mock('../../../../renderer/src/features/timeline/TimelineChart', () => ({
  default: () => <div data-testid="timeline-chart">chart</div>,
}));

const CPO: Profile = {
  ...PROFILES[0],
  id: 'cpo',
  name: 'Lab CPO',
  ocpi: { versionsUrl: 'https://cpo.example.com/ocpi/versions' },
};
const base = loadedFrom(agreeingSession());
const loaded: LoadedSession = { ...base, source: { ...base.source, kind: 'fetch', profileName: 'Lab CPO' } };
function found(): LoadedSession {
  const billing = computeBilling(
    loaded.session,
    { cdr: { fileName: 'CDR-1.json', text: JSON.stringify(agreeingCdr([agreeingTariff()])) }, tariffs: [] },
    {
      now: Date.now(),
      searched: [{ from: Date.parse('2024-06-03T16:45:00Z'), to: Date.parse('2024-06-04T16:45:00Z') }],
      found: true,
      profileName: 'Lab CPO',
      match: { by: 'session_id' },
      cdrsScanned: 12,
      tariffsAsked: [],
      tariffsMissing: [],
      notes: [],
      correlationId: 'c',
    },
  );
  if (!billing.ok) throw new Error(billing.error.message);
  return { ...loaded, billing: billing.value };
}

let bridge: FakeBridge;
beforeEach(() => {
  useAppStore.setState({ ...initialState }, true);
  bridge = installFakeBridge(loaded);
  bridge.api['profiles:list'].mockImplementation(() => ok({ profiles: [CPO], notices: [] }));
});
afterEach(cleanup);

async function onBillingTab() {
  render(<App />);
  await waitFor(() => expect(useAppStore.getState().profiles).toHaveLength(1));
  useAppStore.setState({ loaded, activeTab: 'billing' });
  return screen.findByTestId('find-cdr');
}

describe('Find CDR in the Billing tab', () => {
  it('asks main with the session key and its OCPI profile, shows progress, then the CDR beside the session', async () => {
    let answer: (v: unknown) => void = () => undefined;
    bridge.api['billing:find-cdr'].mockImplementation(() => new Promise((r) => (answer = r)));
    const button = await onBillingTab();
    expect(button.textContent).toBe('Find CDR on Lab CPO');
    fireEvent.click(button);
    const call = bridge.api['billing:find-cdr'].mock.calls[0][0] as { requestId: string };
    expect(call).toEqual({ requestId: expect.any(String), key: loaded.key, profileId: 'cpo' });
    bridge.emit('billing:progress', {
      requestId: call.requestId,
      phase: 'cdrs',
      searched: { from: Date.parse('2024-06-03T16:45:00Z'), to: Date.parse('2024-06-04T16:45:00Z') },
      cdrs: 1234,
    });
    expect((await screen.findByTestId('cdr-search-progress')).textContent).toMatch(
      /Searching CDRs last updated 2024-06-03 16:45:00 – 2024-06-04 16:45:00: 1,234 CDRs listed/,
    );
    answer({ ok: true, value: found() });
    expect((await screen.findByTestId('cdr-search-result')).textContent).toMatch(
      /CDR found on Lab CPO, matched on session_id \(12 CDRs listed\)/,
    );
    expect(screen.getByTestId('billing-comparison').textContent).toMatch(/CDR-1/);
    expect(screen.getByTestId('billing-breakdown')).toBeTruthy();
    expect(screen.getByTestId('find-cdr').textContent).toBe('Find CDR again on Lab CPO');
    // Main kept the session in Recent again with its CDR: the list is asked for anew.
    await waitFor(() =>
      expect(bridge.api['history:list'].mock.invocationCallOrder.at(-1)).toBeGreaterThan(
        bridge.api['billing:find-cdr'].mock.invocationCallOrder[0],
      ),
    );
  });

  it('Cancel tells main, and the session stays as it was', async () => {
    bridge.api['billing:find-cdr'].mockImplementation(() => new Promise(() => undefined));
    fireEvent.click(await onBillingTab());
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(bridge.api['billing:cancel-find']).toHaveBeenCalled());
    expect(useAppStore.getState().status).toBe('CDR search cancelled.');
    expect(useAppStore.getState().loaded).toBe(loaded);
    expect(screen.getByTestId('find-cdr')).toBeTruthy();
  });

  it('an error (403) shows its message and keeps the session', async () => {
    bridge.api['billing:find-cdr'].mockImplementation(() =>
      fail({ kind: 'forbidden', message: 'The server refused: 403 Forbidden.' }),
    );
    fireEvent.click(await onBillingTab());
    await waitFor(() =>
      expect(useAppStore.getState().error?.message).toBe('The server refused: 403 Forbidden.'),
    );
    expect(useAppStore.getState().loaded).toBe(loaded);
  });

  it('runs at once after an OCPI fetch of a COMPLETED session, staying on the timeline', async () => {
    bridge.api['billing:find-cdr'].mockImplementation(() => ok(found()));
    render(<App />);
    await waitFor(() => expect(useAppStore.getState().profiles).toHaveLength(1));
    await fetchSession('SESSION-1');
    await waitFor(() => expect(bridge.api['billing:find-cdr']).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(useAppStore.getState().loaded?.billing?.cdr?.id).toBe('CDR-1'));
    expect(useAppStore.getState().activeTab).toBe('timeline');
  });

  it('is not offered for a session that did not come from an OCPI profile', async () => {
    render(<App />);
    await waitFor(() => expect(useAppStore.getState().profiles).toHaveLength(1));
    useAppStore.setState({
      loaded: { ...loaded, source: { ...loaded.source, profileName: 'Staging' } },
      activeTab: 'billing',
    });
    await screen.findByTestId('billing-panel');
    expect(screen.queryByTestId('find-cdr')).toBeNull();
  });
});

describe('a new session while a CDR search runs', () => {
  it('drops the old search (cancelled in main) and searches the new one', async () => {
    bridge.api['billing:find-cdr'].mockImplementationOnce(() => new Promise(() => undefined));
    fireEvent.click(await onBillingTab());
    await waitFor(() => expect(useAppStore.getState().findingCdr?.key).toBe(loaded.key));
    const first = useAppStore.getState().findingCdr?.requestId;
    const next: LoadedSession = { ...loaded, key: 'k2' };
    bridge.api['session:fetch'].mockImplementationOnce(() => ok(next));
    bridge.api['billing:find-cdr'].mockImplementationOnce(() => ok({ ...found(), key: 'k2' }));
    await fetchSession('SESSION-1');
    await waitFor(() => expect(bridge.api['billing:cancel-find']).toHaveBeenCalledWith({ requestId: first }));
    await waitFor(() => expect(useAppStore.getState().loaded?.billing?.cdr?.id).toBe('CDR-1'));
    expect(useAppStore.getState().loaded?.key).toBe('k2');
    expect(useAppStore.getState().findingCdr).toBeNull();
  });
});

describe('the search after a fetch', () => {
  it('a failure is a status line, not the error banner, and the session stays', async () => {
    bridge.api['billing:find-cdr'].mockImplementation(() =>
      fail({ kind: 'forbidden', message: 'The server refused: 403 Forbidden.' }),
    );
    render(<App />);
    await waitFor(() => expect(useAppStore.getState().profiles).toHaveLength(1));
    await fetchSession('SESSION-1');
    await waitFor(() =>
      expect(useAppStore.getState().status).toBe(
        'The CDR could not be searched: The server refused: 403 Forbidden.',
      ),
    );
    expect(useAppStore.getState().error).toBeNull();
    expect(useAppStore.getState().loaded).toBe(loaded);
  });

  it('is not run when the profile’s discovery found no CDRs module', async () => {
    bridge.api['profiles:list'].mockImplementation(() =>
      ok({
        profiles: [
          {
            ...CPO,
            ocpi: {
              versionsUrl: 'https://cpo.example.com/ocpi/versions',
              discovered: {
                version: '2.2.1',
                endpoints: [{ identifier: 'sessions', role: 'SENDER', url: 'https://cpo.example.com/s' }],
                at: '2026-01-01T00:00:00Z',
              },
            },
          },
        ],
        notices: [],
      }),
    );
    render(<App />);
    await waitFor(() => expect(useAppStore.getState().profiles).toHaveLength(1));
    await fetchSession('SESSION-1');
    await waitFor(() => expect(useAppStore.getState().loaded).toBe(loaded));
    expect(bridge.api['billing:find-cdr']).not.toHaveBeenCalled();
  });
});
