/**
 * The main-process log: a rotating, size-capped file; one line per fetch; and no token in it, even when a
 * server echoes the token back in its headers, its envelope message or a long error body.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../services/app-services';
import { createFileLog, createMainLog, LOG_FILE } from '../../../services/log/main-log';
import { RotatingFile } from '../../../services/log/rotating-file';
import { REDACTED } from '../../../services/http/scrub';
import { DEFAULT_MAX_BYTES } from '../../../shared/domain/profile';
import { vendorEnvelope } from '../../fixtures/sessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'main-log-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the log scrubs by the one rule (services/http/scrub.ts)', () => {
  const token = 'tok-"quoted"\\-0123456789abcdef';
  const lineFor = (note: string): string => {
    const lines: string[] = [];
    const log = createMainLog({ sinks: [(l) => lines.push(l)], now: () => new Date(0) });
    log.addSecret(token);
    log.addSecret(token);
    log.info('note', { note });
    return lines[0];
  };

  it('removes the plain and the Base64 form, and a cut prefix of 8 or more characters', () => {
    const b64 = Buffer.from(token).toString('base64');
    const line = lineFor(`a ${token} b ${b64} c ${token.slice(0, 12)}… d ${token.slice(0, 7)}`);
    expect(line).not.toContain(token.slice(0, 8));
    expect(line).not.toContain(b64.slice(0, 8));
    expect(line.split(REDACTED)).toHaveLength(4);
    // 7 characters are too few to hide (in the line as JSON writes it).
    expect(line).toContain(JSON.stringify(`d ${token.slice(0, 7)}`).slice(1, -1));
  });

  it('also finds the token after JSON escaping (the quote and backslash in it)', () => {
    expect(lineFor(JSON.stringify({ echoed: token }))).not.toMatch(/0123456789abcdef/);
  });

  it('leaves text without secrets alone', () => {
    expect(lineFor('nothing to see')).toContain('"note":"nothing to see"');
  });
});

describe('createMainLog', () => {
  it('writes one scrubbed line per event, with the full error and stack for failures', () => {
    const lines: string[] = [];
    const log = createMainLog({ sinks: [(l) => lines.push(l)], now: () => new Date(0) });
    log.addSecret('s3cr3t-token-value');
    log.info('fetch', { url: 'https://h/x', note: 'echo "s3cr3t-token-value"' });
    log.error('ipc-failed', new Error('boom s3cr3t-token-value'), { channel: 'x' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^1970-01-01T00:00:00\.000Z INFO fetch \{"url":"https:\/\/h\/x"/);
    expect(lines[1]).toMatch(/ERROR ipc-failed .*"stack":"Error: boom \[redacted\]\\n\s+at /);
    expect(lines.join('')).not.toContain('s3cr3t');
    expect(lines.every((l) => l.endsWith('\n') && l.indexOf('\n') === l.length - 1)).toBe(true);
  });
});

describe('RotatingFile', () => {
  it('rotates at the cap and keeps a bounded number of files', async () => {
    const file = new RotatingFile(join(dir, LOG_FILE), { maxBytes: 100, keep: 2 });
    for (let i = 0; i < 50; i++) file.append(`line ${String(i).padStart(3, '0')} ${'x'.repeat(20)}\n`);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`]);
    for (const name of files) expect((await readFile(join(dir, name))).length).toBeLessThanOrEqual(100);
    expect(await readFile(join(dir, LOG_FILE), 'utf8')).toContain('line 049');
    expect(await readFile(join(dir, `${LOG_FILE}.2`), 'utf8')).not.toContain('line 000');
  });

  it('continues an existing file across restarts', async () => {
    new RotatingFile(join(dir, LOG_FILE)).append('first\n');
    new RotatingFile(join(dir, LOG_FILE)).append('second\n');
    expect(await readFile(join(dir, LOG_FILE), 'utf8')).toBe('first\nsecond\n');
  });
});

describe('fetch lines', () => {
  const TOKEN = 'echo-me-0123456789-abcdefghij';
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // Echoes whatever auth arrived: in its request-id header, in a 200 envelope's message, and in a long
    // 401 message that a cut would end mid-token.
    server = createServer((req, res) => {
      const auth = String(req.headers.authorization ?? '');
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-request-id', `echo ${auth}`);
      res.setHeader('x-correlation-id', String(req.headers['x-correlation-id'] ?? ''));
      if (req.url?.endsWith('/sessions/ok')) {
        res.end(JSON.stringify(vendorEnvelope({ status_message: `you sent ${auth}` })));
      } else {
        res.statusCode = 401;
        res.end(JSON.stringify({ status_code: 2001, status_message: `${'x'.repeat(190)} bad ${auth}` }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('logs ids, URL, status and timings for each fetch, and the log file holds no token', async () => {
    const stderr: string[] = [];
    const services = await createAppServices({
      userDataDir: dir,
      keychain: async () => {
        throw new Error('no keychain here');
      },
      log: createFileLog(dir, [(line) => stderr.push(line)]),
    });
    const saved = await services.profiles.save({
      name: 'Echo',
      baseUrl: base,
      flavour: 'vendor',
      auth: { kind: 'token' },
      base64Token: true,
      timeouts: { connectMs: 1000, totalMs: 5000 },
      maxBytes: DEFAULT_MAX_BYTES,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    await services.tokens.set(saved.value.id, TOKEN, true);
    const ok = await services.fetchSession({ profileId: saved.value.id, sessionId: 'ok' });
    expect(ok.ok).toBe(true);
    const failed = await services.fetchSession({ profileId: saved.value.id, sessionId: 'denied' });
    expect(failed.ok).toBe(false);

    const text = await readFile(join(dir, LOG_FILE), 'utf8');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(2);
    const [okLine, failedLine] = lines.map(
      (l) => JSON.parse(l.slice(l.indexOf('{'))) as Record<string, unknown>,
    );
    expect(lines[0]).toMatch(/ INFO fetch /);
    expect(okLine).toMatchObject({ phase: 'session', url: `${base}/sessions/ok`, status: 200 });
    expect(okLine.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(okLine.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof okLine.durationMs).toBe('number');
    expect(lines[1]).toMatch(/ INFO fetch-failed /);
    expect(failedLine).toMatchObject({ url: `${base}/sessions/denied`, status: 401, kind: 'unauthorized' });
    // The same lines for the CLI's --verbose.
    expect(stderr.join('')).toBe(text);

    const b64 = Buffer.from(TOKEN).toString('base64');
    for (const form of [TOKEN, b64]) expect(text).not.toContain(form.slice(0, 8));
  });
});
