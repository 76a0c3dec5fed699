/**
 * For tests that need the real OS keychain. Probed once per test file: when none is reachable (a laptop
 * without gnome-keyring, a container) those tests are skipped and say why — except under `CI=true`, where a
 * missing keychain is a failure, so CI can never pass by skipping them. `scripts/with-keyring.sh` starts a
 * private one on Linux.
 */
import { describe, it } from 'vitest';
import { KEYCHAIN_SERVICE, loadKeytar } from '../../services/storage/token-store';

export interface KeychainProbe {
  available: boolean;
  /** Why it is not available, in one line. */
  reason: string;
}

const PROBE_TIMEOUT_MS = 5000;

export async function probeKeychain(): Promise<KeychainProbe> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    const keychain = await loadKeytar();
    await Promise.race([keychain.getPassword(KEYCHAIN_SERVICE, 'probe-for-tests'), timeout]);
    return { available: true, reason: '' };
  } catch (err) {
    return { available: false, reason: (err instanceof Error ? err.message : String(err)).split('\n')[0] };
  } finally {
    clearTimeout(timer);
  }
}

const probe = await probeKeychain();

/** Whether keychain tests run here; `false` only off CI. */
export const keychainAvailable = probe.available;

const SKIP_WHY = `no OS keychain reachable (${probe.reason}); run through scripts/with-keyring.sh`;
const failOnCi = (): never => {
  throw new Error(
    `No OS keychain is reachable under CI=true (${probe.reason}). Run the tests through scripts/with-keyring.sh.`,
  );
};

/** A `describe` whose tests need the OS keychain. */
export function describeWithKeychain(name: string, body: () => void): void {
  if (probe.available) describe(name, body);
  else if (process.env.CI === 'true')
    describe(name, () => it('needs the OS keychain, which CI must provide', failOnCi));
  else {
    console.warn(`Skipping "${name}": ${SKIP_WHY}.`);
    describe.skip(`${name} [skipped: ${SKIP_WHY}]`, body);
  }
}

/** An `it` that needs the OS keychain, with the same rule. */
export function itWithKeychain(name: string, body: () => Promise<void>): void {
  if (probe.available) it(name, body);
  else if (process.env.CI === 'true') it(name, failOnCi);
  else {
    console.warn(`Skipping "${name}": ${SKIP_WHY}.`);
    it.skip(`${name} [skipped: ${SKIP_WHY}]`, body);
  }
}
