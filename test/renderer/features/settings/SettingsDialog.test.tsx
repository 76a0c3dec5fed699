// @vitest-environment jsdom
/**
 * The Settings dialog by keyboard (focus after each action stays inside the dialog), the token that
 * must not follow a profile to another origin unasked, and no stale token error after a token is saved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SettingsDialog } from '../../../../renderer/src/features/settings/SettingsDialog';
import { TokenDialog } from '../../../../renderer/src/features/settings/TokenDialog';
import { initialState, useAppStore } from '../../../../renderer/src/store/app-store';
import { appError } from '../../../../shared/domain/errors';
import { installFakeBridge, PROFILES } from '../../fake-bridge';
import type { FakeBridge } from '../../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../../fixtures';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = installFakeBridge(loadedFrom(SESSION_JSON));
  useAppStore.setState(
    {
      ...initialState,
      profiles: PROFILES,
      tokenStates: { p1: { profileId: 'p1', status: 'set' } },
      dialog: { kind: 'settings' },
    },
    true,
  );
});
afterEach(cleanup);

const dialog = () => screen.getByRole('dialog');

describe('focus in the Settings dialog', () => {
  it('Add profile focuses Name; after Save profile focus is back in the dialog and Esc closes it', async () => {
    render(<SettingsDialog />);
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    const name = screen.getByLabelText('Name');
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: 'Prod' } });
    fireEvent.change(screen.getByLabelText('Base URL'), {
      target: { value: 'https://prod.example.com/ocpi' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'New profile' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New profile' })).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add profile' })),
    );
    expect(dialog().contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(useAppStore.getState().dialog).toBeNull();
  });

  it('after editing, focus returns to that profile’s Edit button', async () => {
    render(<SettingsDialog />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Staging' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Staging' })),
    );
  });
});

describe('the token and a changed origin', () => {
  const editBaseUrl = (url: string) => {
    fireEvent.click(screen.getByRole('button', { name: 'Edit Staging' }));
    fireEvent.change(screen.getByLabelText('Base URL'), { target: { value: url } });
  };
  const saved = () => bridge.api['profiles:save'].mock.calls.at(-1)?.[0] as Record<string, unknown>;

  it('warns that the token will be cleared, and saves without keeping it unless asked', async () => {
    render(<SettingsDialog />);
    editBaseUrl('https://other.example.net/ocpi/2.2.1');
    expect(screen.getByTestId('token-origin-note').textContent).toContain('https://other.example.net');
    fireEvent.submit(screen.getByRole('form', { name: 'Edit Staging' }));
    await waitFor(() => expect(bridge.api['profiles:save']).toHaveBeenCalled());
    expect(saved().baseUrl).toBe('https://other.example.net/ocpi/2.2.1');
    expect(saved().keepTokenForNewOrigin).toBeUndefined();
  });

  it('keeps the token only when the box is ticked', async () => {
    render(<SettingsDialog />);
    editBaseUrl('https://other.example.net/ocpi/2.2.1');
    fireEvent.click(screen.getByLabelText(/Keep the token and send it to https:\/\/other\.example\.net/));
    fireEvent.submit(screen.getByRole('form', { name: 'Edit Staging' }));
    await waitFor(() => expect(bridge.api['profiles:save']).toHaveBeenCalled());
    expect(saved().keepTokenForNewOrigin).toBe(true);
  });

  it('says nothing when the origin stays the same', () => {
    render(<SettingsDialog />);
    editBaseUrl('https://staging.example.com/ocpi/2.1.1');
    expect(screen.queryByTestId('token-origin-note')).toBeNull();
  });
});

describe('the token dialog', () => {
  it('removes a stale "No token is set" error once a token is saved', async () => {
    useAppStore.setState({
      dialog: { kind: 'token', profileId: 'p1', memoryOnly: false },
      error: appError('no-token', 'No token is set for this profile.', 'Set the token first.'),
    });
    render(<TokenDialog profileId="p1" memoryOnly={false} />);
    expect(screen.getByText('No token is set for this profile.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'new-token' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
    });
    await waitFor(() => expect(useAppStore.getState().status).toBe('Token saved in the system keychain.'));
    expect(useAppStore.getState().error).toBeNull();
    expect(screen.queryByText('No token is set for this profile.')).toBeNull();
  });

  it('keeps an error a token does not answer', async () => {
    const offline = appError('offline', 'The server cannot be reached.', 'Check the network.');
    useAppStore.setState({ dialog: { kind: 'token', profileId: 'p1', memoryOnly: false }, error: offline });
    render(<TokenDialog profileId="p1" memoryOnly={false} />);
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'new-token' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
    });
    await waitFor(() => expect(bridge.api['token:set']).toHaveBeenCalled());
    expect(useAppStore.getState().error).toEqual(offline);
  });
});
