import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  parseWindowState,
  WINDOW_STATE_FILE,
  WindowStateStore,
} from '../../../services/storage/window-state';

const dir = mkdtempSync(join(tmpdir(), 'window-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  it('round-trips through its file and survives a broken one', async () => {
    const store = WindowStateStore.at(dir);
    expect(await store.load()).toEqual(DEFAULT_WINDOW_STATE);
    await store.save({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
    expect(await store.load()).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{not json');
    expect(await store.load()).toEqual(DEFAULT_WINDOW_STATE);
    expect(readdirSync(dir).some((f) => f.startsWith(`${WINDOW_STATE_FILE}.corrupt-`))).toBe(true);
  });

  it('refuses nonsense and keeps the minimum size', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState({ width: '1000', height: 700 })).toBeNull();
    expect(parseWindowState({ width: 1e9, height: 700 })).toBeNull();
    expect(parseWindowState({ width: 300, height: 200, x: 1.5, y: 2 })).toEqual({
      width: 800,
      height: 560,
      maximized: false,
    });
  });

  it('keeps a position on a display that is there, and drops one on an unplugged monitor', () => {
    const onMonitor = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(fitToDisplays(onMonitor, [laptop, monitorRight])).toEqual(onMonitor);
    const fitted = fitToDisplays(onMonitor, [laptop]);
    expect(fitted.x).toBeUndefined();
    expect(fitted).toMatchObject({ width: 1440, height: 900 });
    expect(
      fitToDisplays({ x: -5000, y: 0, width: 900, height: 600, maximized: false }, [laptop]).x,
    ).toBeUndefined();
    expect(
      fitToDisplays({ x: 10, y: 10, width: 900, height: 600, maximized: false }, [laptop]),
    ).toMatchObject({
      x: 10,
      y: 10,
    });
  });
});
