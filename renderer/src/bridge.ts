/** Typed access to the domain API the preload (or the browser harness) exposes as `window.inspector`. */
import { BRIDGE_GLOBAL, IPC_CHANNELS } from '../../shared/ipc/contract';
import type { InspectorApi } from '../../shared/ipc/contract';

export function isInspectorApi(value: unknown): value is InspectorApi {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return typeof api.on === 'function' && IPC_CHANNELS.every((c) => typeof api[c] === 'function');
}

/** The bridge, or null when the page runs without one (opened outside Electron and the harness). */
export function getInspector(): InspectorApi | null {
  const candidate: unknown = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return isInspectorApi(candidate) ? candidate : null;
}
