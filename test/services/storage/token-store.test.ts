/**
 * Against the real OS keychain (gnome-keyring on a private D-Bus, see scripts/with-keyring.sh; skipped with
 * the reason where none is reachable, except under CI=true); a fake keychain only for the unavailable paths.
 */
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { describeWithKeychain, keychainAvailable } from '../../support/keychain';
import {
  KEYCHAIN_SERVICE,
  keychainHelp,
  type Keychain,
  TokenStore,
} from '../../../services/storage/token-store';

const created: string[] = [];
const profileId = (): string => {
  const id = `test-${randomUUID()}`;
  created.push(id);
  return id;
};
afterEach(async () => {
  if (!keychainAvailable) return;
  for (const id of created.splice(0)) await keytar.deletePassword(KEYCHAIN_SERVICE, id);
});

const unavailable: Keychain = {
  getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
};

describeWithKeychain('TokenStore with the real keychain', () => {
  it('sets, replaces, reports and clears a token in its own keychain entry', async () => {
    const store = new TokenStore();
    const id = profileId();
    expect(await store.state(id)).toEqual({ profileId: id, status: 'unset' });
    expect(await store.set(id, 'first-token', false)).toEqual({
      ok: true,
      value: { profileId: id, status: 'set' },
    });
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, id)).toBe('first-token');
    await store.set(id, 'second-token', false);
    expect(await store.get(id)).toEqual({ ok: true, value: 'second-token' });
    expect(await store.state(id)).toEqual({ profileId: id, status: 'set' });
    expect(await store.clear(id)).toEqual({ profileId: id, status: 'unset' });
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, id)).toBeNull();
  });

  it('keeps a memory-only token out of the keychain', async () => {
    const store = new TokenStore();
    const id = profileId();
    await store.set(id, 'memory-token', true);
    expect(await store.state(id)).toEqual({ profileId: id, status: 'memory' });
    expect(await store.get(id)).toEqual({ ok: true, value: 'memory-token' });
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, id)).toBeNull();
  });

  it('says no token is set when there is none', async () => {
    const got = await new TokenStore().get(profileId());
    expect(got.ok ? null : got.error.kind).toBe('no-token');
  });
});

describe('TokenStore with an unavailable keychain', () => {
  it('reports it with what to install or unlock, and never stores the token in plain text', async () => {
    const store = new TokenStore(async () => unavailable, 'linux');
    const state = await store.state('p1');
    expect(state.status).toBe('unavailable');
    expect(state.message).toMatch(/gnome-keyring/);
    expect(state.message).toMatch(/unlock/);
    const set = await store.set('p1', 'secret-value', false);
    expect(set.ok ? null : set.error.kind).toBe('keychain-unavailable');
    expect(JSON.stringify(set)).not.toContain('secret-value');
    const got = await store.get('p1');
    expect(got.ok ? null : got.error.kind).toBe('keychain-unavailable');
  });

  it('lets the user keep the token for this run only', async () => {
    const store = new TokenStore(async () => unavailable, 'linux');
    expect(await store.set('p1', 'run-only', true)).toEqual({
      ok: true,
      value: { profileId: 'p1', status: 'memory' },
    });
    expect(await store.state('p1')).toEqual({ profileId: 'p1', status: 'memory' });
    expect(await store.get('p1')).toEqual({ ok: true, value: 'run-only' });
  });

  it('treats keytar failing to load as unavailable, and tries again later', async () => {
    let loads = 0;
    const store = new TokenStore(async () => {
      loads++;
      throw new Error('Cannot find module keytar.node');
    }, 'linux');
    expect((await store.state('p')).status).toBe('unavailable');
    expect((await store.state('p')).status).toBe('unavailable');
    expect(loads).toBe(2);
  });

  it('names the right fix per platform', () => {
    expect(keychainHelp('darwin')).toMatch(/Keychain Access/);
    expect(keychainHelp('win32')).toMatch(/Credential Manager/);
    expect(keychainHelp('linux')).toMatch(/libsecret/);
  });
});

describe('TokenStore while a token is being cleared', () => {
  it('hands out no token between the start of a clear and its end', async () => {
    let finishDelete: (done: boolean) => void = () => undefined;
    const slow: Keychain = {
      getPassword: async () => 'old-origin-token',
      setPassword: async () => undefined,
      deletePassword: () => new Promise<boolean>((resolve) => (finishDelete = resolve)),
    };
    const store = new TokenStore(async () => slow, 'linux');
    expect(await store.get('p')).toEqual({ ok: true, value: 'old-origin-token' });
    const clearing = store.clear('p');
    const during = await store.get('p');
    expect(during.ok ? null : during.error.kind).toBe('no-token');
    finishDelete(true);
    expect(await clearing).toEqual({ profileId: 'p', status: 'unset' });
  });

  it('tells its listener of every token set or read, so the log can scrub it', async () => {
    const seen: string[] = [];
    const keychain: Keychain = {
      getPassword: async () => 'from-keychain',
      setPassword: async () => undefined,
      deletePassword: async () => true,
    };
    const store = new TokenStore(
      async () => keychain,
      'linux',
      (t) => seen.push(t),
    );
    await store.set('p', 'typed-in', true);
    await store.get('q');
    expect(seen).toEqual(['typed-in', 'from-keychain']);
  });
});
