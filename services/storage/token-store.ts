/**
 * Tokens live in the OS keychain (keytar), one entry per profile under the app's own service name. When
 * the keychain cannot be used the user may keep a token in memory for this run; it is never written in
 * plain text. Nothing here hands a token to the renderer: only `TokenState` leaves main.
 */
import { appError, type Result } from '../../shared/domain/errors';
import type { TokenState } from '../../shared/domain/profile';

export const KEYCHAIN_SERVICE = 'session-inspector';

/** The part of keytar we use, so tests can pass an unavailable keychain. */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Loads keytar on first use: a missing native module is an unavailable keychain, not a crash at start. */
export async function loadKeytar(): Promise<Keychain> {
  const mod = await import('keytar');
  return (mod.default ?? mod) as Keychain;
}

/** What to install or unlock, per platform. */
export function keychainHelp(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Unlock the login keychain (Keychain Access), then try again.';
  if (platform === 'win32')
    return 'Windows Credential Manager is not reachable: sign in to your Windows account normally, then try again.';
  return 'Install a Secret Service (gnome-keyring, or KWallet with its Secret Service) and libsecret (libsecret-1-0), and unlock the login keyring, then try again.';
}

export class TokenStore {
  private readonly memory = new Map<string, string>();
  /** Profiles whose keychain entry is being deleted: their token must not be handed out meanwhile. */
  private readonly clearing = new Set<string>();
  private keychain: Promise<Keychain> | null = null;

  constructor(
    private readonly openKeychain: () => Promise<Keychain> = loadKeytar,
    private readonly platform: NodeJS.Platform = process.platform,
    /** Told of every token set or read, before it is used (the log scrubs them). */
    private readonly onToken: (token: string) => void = () => undefined,
  ) {}

  private async withKeychain<T>(
    use: (k: Keychain) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
    try {
      this.keychain ??= this.openKeychain();
      return { ok: true, value: await use(await this.keychain) };
    } catch (err) {
      // Retried from scratch next time: the user may have just installed or unlocked the keyring.
      this.keychain = null;
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
  }

  private unavailable(profileId: string, reason: string): TokenState {
    return {
      profileId,
      status: 'unavailable',
      message: `The OS keychain is not available (${oneLine(reason)}). ${keychainHelp(this.platform)} Or keep the token for this run only.`,
    };
  }

  async state(profileId: string): Promise<TokenState> {
    if (this.memory.has(profileId)) return { profileId, status: 'memory' };
    const stored = await this.withKeychain((k) => k.getPassword(KEYCHAIN_SERVICE, profileId));
    if (!stored.ok) return this.unavailable(profileId, stored.reason);
    return { profileId, status: stored.value ? 'set' : 'unset' };
  }

  async set(profileId: string, token: string, memoryOnly: boolean): Promise<Result<TokenState>> {
    this.onToken(token);
    if (memoryOnly) {
      this.memory.set(profileId, token);
      return { ok: true, value: { profileId, status: 'memory' } };
    }
    const saved = await this.withKeychain((k) => k.setPassword(KEYCHAIN_SERVICE, profileId, token));
    if (!saved.ok)
      return {
        ok: false,
        error: appError(
          'keychain-unavailable',
          `The token could not be saved: the OS keychain is not available (${oneLine(saved.reason)}).`,
          `${keychainHelp(this.platform)} Or keep the token in memory for this run only.`,
        ),
      };
    this.memory.delete(profileId);
    return { ok: true, value: { profileId, status: 'set' } };
  }

  async clear(profileId: string): Promise<TokenState> {
    this.memory.delete(profileId);
    this.clearing.add(profileId);
    try {
      const deleted = await this.withKeychain((k) => k.deletePassword(KEYCHAIN_SERVICE, profileId));
      return deleted.ok ? { profileId, status: 'unset' } : this.unavailable(profileId, deleted.reason);
    } finally {
      this.clearing.delete(profileId);
    }
  }

  /** For main only (the GET client): the token, from memory first, then the keychain. */
  async get(profileId: string): Promise<Result<string>> {
    const inMemory = this.memory.get(profileId);
    if (inMemory) return { ok: true, value: inMemory };
    if (this.clearing.has(profileId)) return { ok: false, error: noTokenError() };
    const stored = await this.withKeychain((k) => k.getPassword(KEYCHAIN_SERVICE, profileId));
    if (!stored.ok)
      return {
        ok: false,
        error: appError(
          'keychain-unavailable',
          `The token cannot be read: the OS keychain is not available (${oneLine(stored.reason)}).`,
          `${keychainHelp(this.platform)} Or set the token again and keep it for this run only.`,
        ),
      };
    // Deleted while it was being read (e.g. the profile moved to another origin).
    if (!stored.value || this.clearing.has(profileId)) return { ok: false, error: noTokenError() };
    this.onToken(stored.value);
    return { ok: true, value: stored.value };
  }
}

const noTokenError = () =>
  appError('no-token', 'No token is set for this profile.', 'Set the token for this environment first.');

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').slice(0, 200);
