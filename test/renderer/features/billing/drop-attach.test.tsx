// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../../renderer/src/app/App';
import { initialState, useAppStore } from '../../../../renderer/src/store/app-store';
import { computeBilling } from '../../../../shared/billing/attach';
import { installFakeBridge, ok } from '../../fake-bridge';
import type { FakeBridge } from '../../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../../fixtures';
import { agreeingCdr } from '../../../fixtures/billing/cdrs';
import { agreeingTariff } from '../../../fixtures/billing/tariffs';

vi.mock('../../../../renderer/src/features/timeline/TimelineChart', () => ({
  default: () => <div data-testid="timeline-chart">chart</div>,
}));

const loaded = loadedFrom(SESSION_JSON);
let bridge: FakeBridge;
beforeEach(() => {
  useAppStore.setState({ ...initialState }, true);
  bridge = installFakeBridge(loaded);
});
afterEach(cleanup);

const drop = (name: string, text: string) =>
  fireEvent.drop(window, { dataTransfer: { types: ['Files'], files: [new File([text], name)] } });

describe('a file dropped while a session is shown', () => {
  it('attaches a CDR (Billing tab), and opens anything else as a session', async () => {
    const billing = computeBilling(loaded.session, {
      cdr: { fileName: 'cdr.json', text: JSON.stringify(agreeingCdr([agreeingTariff()])) },
      tariffs: [],
    });
    if (!billing.ok) throw new Error(billing.error.message);
    bridge.api['billing:attach-text'].mockImplementationOnce(() => ok({ ...loaded, billing: billing.value }));
    render(<App />);
    useAppStore.setState({ loaded });
    await screen.findByTestId('details-panel');

    drop('cdr.json', '{"total_energy":1}');
    await waitFor(() =>
      expect(bridge.api['billing:attach-text']).toHaveBeenCalledWith({
        key: loaded.key,
        fileName: 'cdr.json',
        text: '{"total_energy":1}',
      }),
    );
    expect(await screen.findByTestId('billing-breakdown')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /^Billing/ }).getAttribute('aria-selected')).toBe('true');
    expect(bridge.api['session:open-text']).not.toHaveBeenCalled();
    // Main keeps the session in Recent again with its billing: the list is asked for anew.
    await waitFor(() =>
      expect(bridge.api['history:list'].mock.invocationCallOrder.at(-1)).toBeGreaterThan(
        bridge.api['billing:attach-text'].mock.invocationCallOrder[0],
      ),
    );

    drop('other.json', '{"id":"x"}');
    await waitFor(() =>
      expect(bridge.api['session:open-text']).toHaveBeenCalledWith({
        fileName: 'other.json',
        text: '{"id":"x"}',
      }),
    );
  });
});

describe('a file dropped from disk (it has a path)', () => {
  it('is read by main from its path: its contents never cross IPC', async () => {
    bridge.api.pathForFile.mockImplementation((file: File) => `/home/eng/${file.name}`);
    render(<App />);
    useAppStore.setState({ loaded });
    await screen.findByTestId('details-panel');
    drop('session.json', '{"id":"x"}');
    await waitFor(() =>
      expect(bridge.api['session:open-path']).toHaveBeenCalledWith({ path: '/home/eng/session.json' }),
    );
    expect(bridge.api['billing:attach-path']).toHaveBeenCalledWith({
      key: loaded.key,
      path: '/home/eng/session.json',
    });
    expect(bridge.api['session:open-text']).not.toHaveBeenCalled();
    expect(bridge.api['billing:attach-text']).not.toHaveBeenCalled();
  });
});
