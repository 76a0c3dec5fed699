// @vitest-environment jsdom
/** Settings → Live follow: shows the stored values, names a bad one and saves nothing, saves good ones. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SettingsDialog } from '../../../../renderer/src/features/settings/SettingsDialog';
import { initialState, useAppStore } from '../../../../renderer/src/store/app-store';
import { installFakeBridge, PROFILES, type FakeBridge } from '../../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../../fixtures';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = installFakeBridge(loadedFrom(SESSION_JSON));
  useAppStore.setState(
    {
      ...initialState,
      profiles: PROFILES,
      settings: { ...initialState.settings, followSeconds: 20, staleMinutes: 40 },
      dialog: { kind: 'settings' },
    },
    true,
  );
});
afterEach(cleanup);

const seconds = () => screen.getByLabelText('Follow re-fetches every (seconds)') as HTMLInputElement;
const minutes = () => screen.getByLabelText('Stale after (minutes without an update)') as HTMLInputElement;
const form = () => screen.getByTestId('follow-settings');

describe('Live follow settings', () => {
  it('shows the stored interval and threshold', () => {
    render(<SettingsDialog />);
    expect(seconds().value).toBe('20');
    expect(minutes().value).toBe('40');
  });

  it('a bad value is named, stays in its field, and nothing is saved', () => {
    render(<SettingsDialog />);
    fireEvent.change(seconds(), { target: { value: '2' } });
    fireEvent.change(minutes(), { target: { value: 'soon' } });
    fireEvent.submit(form());
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual([
      'The follow interval must be a whole number of seconds from 5 to 3600; 2 is not. Type e.g. 30 (the default).',
      'The stale threshold must be a whole number of minutes from 1 to 1440; "soon" is not. Type e.g. 15 (the default).',
    ]);
    expect(seconds().value).toBe('2');
    expect(seconds().getAttribute('aria-invalid')).toBe('true');
    expect(bridge.api['settings:update']).not.toHaveBeenCalled();
    expect(useAppStore.getState().settings.followSeconds).toBe(20);
  });

  it('good values are saved through settings:update and the store follows', async () => {
    render(<SettingsDialog />);
    fireEvent.change(seconds(), { target: { value: ' 8 ' } });
    fireEvent.change(minutes(), { target: { value: '120' } });
    fireEvent.submit(form());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(bridge.api['settings:update']).toHaveBeenCalledWith({ followSeconds: 8, staleMinutes: 120 });
    await waitFor(() =>
      expect(useAppStore.getState().settings).toMatchObject({ followSeconds: 8, staleMinutes: 120 }),
    );
    expect(screen.getByText('Saved.')).toBeTruthy();
  });

  it('Default puts back 30 s and 15 minutes', async () => {
    render(<SettingsDialog />);
    fireEvent.click(screen.getByRole('button', { name: 'Default follow settings' }));
    expect(seconds().value).toBe('30');
    expect(minutes().value).toBe('15');
    expect(bridge.api['settings:update']).toHaveBeenCalledWith({ followSeconds: 30, staleMinutes: 15 });
  });
});
