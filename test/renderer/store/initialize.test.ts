// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { initialize, updateSettings } from '../../../renderer/src/store/actions';
import { initialState, useAppStore } from '../../../renderer/src/store/app-store';
import type { Settings } from '../../../shared/domain/settings';
import { installFakeBridge, ok } from '../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../fixtures';

let api: ReturnType<typeof installFakeBridge>['api'];
beforeEach(() => {
  useAppStore.setState({ ...initialState }, true);
  api = installFakeBridge(loadedFrom(SESSION_JSON)).api;
});

describe('initialize', () => {
  it('a profile chosen while the window still loads is not undone by the slower startup read', async () => {
    let answer: (v: Awaited<ReturnType<typeof ok<Settings>>>) => void = () => undefined;
    const stale = { ...useAppStore.getState().settings, activeProfileId: 'p1' };
    api['settings:get'].mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const starting = initialize();
    await updateSettings({ activeProfileId: 'p2' });
    answer({ ok: true, value: stale });
    await starting;
    expect(useAppStore.getState().settings.activeProfileId).toBe('p2');
  });

  it('takes main’s settings when nothing changed meanwhile', async () => {
    await initialize();
    expect(useAppStore.getState().settings.activeProfileId).toBe('p1');
  });
});
