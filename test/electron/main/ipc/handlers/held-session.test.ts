import { describe, expect, it } from 'vitest';
import { heldSession } from '../../../../../electron/main/ipc/handlers/held-session';
import type { LoadedSession } from '../../../../../shared/domain/loaded-session';

describe('heldSession', () => {
  const loaded = { key: 'k1' } as LoadedSession;
  const registry = { get: (key: string) => (key === 'k1' ? loaded : undefined) };

  it('gives the session main holds under the key', () => {
    expect(heldSession(registry, 'k1', 'then follow it')).toEqual({ ok: true, value: loaded });
  });

  it('says what to do for a key no longer held, with the channel’s next step', () => {
    const r = heldSession(registry, 'gone', 'then attach the file');
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'not-found',
      message: 'That session is no longer held by the app.',
      hint: 'Open it again from Recent, or fetch it again, then attach the file.',
    });
    const bare = heldSession(registry, 'gone', '');
    expect(bare.ok ? null : bare.error.hint).toBe('Open it again from Recent, or fetch it again.');
  });
});
