/**
 * The main window's size and position, remembered between runs (`window-state.json` in the user-data folder).
 * A saved position on a display that is gone (an unplugged monitor) is dropped so the window never opens
 * off-screen; a broken file is ignored.
 */
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent when the window should be centred by the OS. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };
export const MIN_WINDOW = { width: 800, height: 560 };
/** How much of the title bar must be on a display for the saved position to be kept. */
const VISIBLE_PX = 64;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e6;

export function parseWindowState(raw: unknown): WindowState | null {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height)) return null;
  const state: WindowState = {
    width: Math.max(MIN_WINDOW.width, r.width),
    height: Math.max(MIN_WINDOW.height, r.height),
    maximized: r.maximized === true,
  };
  if (isInt(r.x) && isInt(r.y)) Object.assign(state, { x: r.x, y: r.y });
  return state;
}

/** The saved state made to fit the displays there are now (their work areas). */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const largest = workAreas.reduce<Rect | null>(
    (best, a) => (!best || a.width * a.height > best.width * best.height ? a : best),
    null,
  );
  const width = largest ? Math.min(state.width, largest.width) : state.width;
  const height = largest ? Math.min(state.height, largest.height) : state.height;
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const { x, y } = state;
  const titleBarShows = workAreas.some(
    (a) =>
      x + width - VISIBLE_PX >= a.x &&
      x + VISIBLE_PX <= a.x + a.width &&
      y >= a.y &&
      y + VISIBLE_PX <= a.y + a.height,
  );
  return titleBarShows ? { ...fitted, x, y } : fitted;
}

export class WindowStateStore {
  constructor(private readonly path: string) {}

  static at(userDataDir: string): WindowStateStore {
    return new WindowStateStore(join(userDataDir, WINDOW_STATE_FILE));
  }

  async load(): Promise<WindowState> {
    try {
      const read = await readJsonFile(this.path);
      return (read.kind === 'ok' && parseWindowState(read.value)) || DEFAULT_WINDOW_STATE;
    } catch {
      return DEFAULT_WINDOW_STATE;
    }
  }

  save(state: WindowState): Promise<void> {
    return writeJsonFile(this.path, state);
  }
}
