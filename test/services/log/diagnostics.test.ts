import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDiagnostics, readRecentLog, RECENT_REQUESTS } from '../../../services/log/diagnostics';
import { createMainLog, LOG_FILE, logFetch, logFetchFailure } from '../../../services/log/main-log';
import { appError } from '../../../shared/domain/errors';

const dir = mkdtempSync(join(tmpdir(), 'diagnostics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = 'secret-token-1234567890';

function logText(fetches: number): string {
  let text = '';
  const log = createMainLog({ sinks: [(l) => (text += l)], now: () => new Date('2026-12-01T10:00:00Z') });
  log.addSecret(TOKEN);
  for (let i = 0; i < fetches; i++)
    logFetch(log, 'session', {
      url: `https://cpo.example/ocpi/sessions/S${i}`,
      method: 'GET',
      status: 200,
      durationMs: 100 + i,
      bytes: 10,
      fetchedAt: '2026-12-01T10:00:00Z',
      requestId: `req-${i}`,
      correlationId: `corr-${i}`,
      responseRequestId: i === 0 ? `echo ${TOKEN}` : null,
      responseCorrelationId: null,
      attempts: 1,
    });
  logFetchFailure(
    log,
    'https://cpo.example/x',
    appError('unauthorized', `401: token ${TOKEN} refused`, 'h', { status: 401, requestId: 'req-fail' }),
  );
  log.error('ipc-handler-failed', new Error('boom | pipe'), { channel: 'session:fetch' });
  return text;
}

const base = {
  app: 'Session Inspector 0.1.0',
  versions: { electron: '45.5.0', chrome: '142.0', node: '22.0.0' },
  os: { platform: 'linux', release: '6.1', arch: 'x64' },
};

describe('Copy diagnostics', () => {
  it('has versions, OS, the profile without secrets, the last 20 requests and the last errors', () => {
    const text = buildDiagnostics({
      ...base,
      profile: {
        name: 'Prod CPO',
        flavour: 'ocpi-2.2.1',
        baseUrl: 'https://user:pw@cpo.example/ocpi?token=abc#x',
        versionsUrl: null,
      },
      logText: logText(25),
    });
    expect(text).toContain('Electron 45.5.0; Chromium 142.0');
    expect(text).toContain('linux 6.1 (x64)');
    expect(text).toContain('Prod CPO (ocpi-2.2.1), base URL https://cpo.example/ocpi?token=%E2%80%A6');
    expect(text).not.toMatch(/user:pw|abc|#x/);
    const rows = text.split('\n').filter((l) => /^\| 2026/.test(l));
    expect(rows).toHaveLength(RECENT_REQUESTS);
    expect(rows.at(-1)).toContain('failed: unauthorized 401');
    expect(text).toContain('req-24');
    expect(text).not.toContain('req-4 ');
    expect(text).toContain('ipc-handler-failed: boom \\| pipe');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('Error: boom\n    at');
  });

  it('reads the rotated and the current log, and copes with none', async () => {
    expect(await readRecentLog(dir)).toBe('');
    writeFileSync(join(dir, `${LOG_FILE}.1`), 'old\n');
    writeFileSync(join(dir, LOG_FILE), 'new\n');
    expect(await readRecentLog(dir)).toBe('old\nnew\n');
    const empty = buildDiagnostics({ ...base, profile: null, logText: 'garbage line\n' });
    expect(empty).toContain('Profile: none selected');
    expect(empty).toContain('None logged.');
  });
});
