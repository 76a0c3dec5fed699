/**
 * The one IPC mechanism: every contract channel has a `{ parse, run }` entry, garbage sent to any channel
 * comes back as a typed error (property test), and the guard maps exceptions by one rule, logging the
 * full error while the renderer gets one short line.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  guardChannels,
  unexpectedError,
  type ChannelTable,
  type GuardedHandlers,
} from '../../../../electron/main/ipc/channel-table';
import { createChannelTable } from '../../../../electron/main/ipc/handlers/index';
import { createAppServices, type AppServices } from '../../../../services/app-services';
import { LOG_FILE, createFileLog } from '../../../../services/log/main-log';
import { isAppError, type AppErrorKind } from '../../../../shared/domain/errors';
import { IPC_CHANNELS, type IpcChannel } from '../../../../shared/ipc/contract';

let dir: string;
let services: AppServices;
let table: ChannelTable;
let handlers: GuardedHandlers;
let confirms = 0;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'channel-table-'));
  services = await createAppServices({
    userDataDir: dir,
    keychain: async () => {
      throw new Error('no keychain here');
    },
  });
  table = createChannelTable(services, {
    emit: () => undefined,
    dialogs: {
      chooseOpenPath: async () => null,
      chooseSavePath: async () => null,
      confirm: async () => {
        confirms++;
        return false;
      },
    },
  });
  handlers = guardChannels(table, services.log);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Channels whose argument is nothing: `undefined` and `null` are their valid input. */
const NO_ARGS = new Set<IpcChannel>(['profiles:list', 'session:open-dialog', 'history:list', 'settings:get']);

/** Kinds a parser may answer garbage with: each says what was wrong with the argument. */
const ARGUMENT_KINDS = new Set<AppErrorKind>(['invalid-argument', 'invalid-session-id', 'insecure-url']);

/** Anything but an object: wrong for every channel that takes one, and for the no-argument channels. */
const notAnObject = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.bigInt(),
  fc.array(fc.anything()),
  fc.uint8Array(),
  fc.constant(Symbol('s')),
);

describe('the channel table', () => {
  it('has a parser and a runner for exactly the channels of the contract', () => {
    expect(Object.keys(table).sort()).toEqual([...IPC_CHANNELS].sort());
    for (const channel of IPC_CHANNELS) {
      expect(typeof table[channel].parse, channel).toBe('function');
      expect(typeof table[channel].run, channel).toBe('function');
    }
  });

  it('answers garbage on every channel with a typed argument error, through the guard', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...IPC_CHANNELS), notAnObject, async (channel, garbage) => {
        const result = await handlers[channel](garbage);
        expect(result.ok, channel).toBe(false);
        if (result.ok) return;
        expect(isAppError(result.error)).toBe(true);
        expect(ARGUMENT_KINDS.has(result.error.kind), `${channel}: ${result.error.kind}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses empty and wrongly typed objects on every channel that takes arguments', async () => {
    const wrongFields = fc.dictionary(
      fc.constantFrom('id', 'key', 'profileId', 'requestId', 'sessionId', 'token', 'format', 'png', 'url'),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string())),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IPC_CHANNELS.filter((c) => !NO_ARGS.has(c) && c !== 'settings:update')),
        wrongFields,
        async (channel, garbage) => {
          const result = await handlers[channel](garbage);
          expect(result.ok ? null : result.error.kind, channel).not.toBeNull();
          if (!result.ok) expect(ARGUMENT_KINDS.has(result.error.kind), channel).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    expect(confirms).toBe(0);
  });

  it('never throws and never returns a stack, whatever arrives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...IPC_CHANNELS), fc.anything(), async (channel, garbage) => {
        const result = await handlers[channel](garbage);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(isAppError(result.error)).toBe(true);
          expect(result.error.message).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes nothing (undefined or null) on the no-argument channels', async () => {
    for (const channel of NO_ARGS) {
      expect(table[channel].parse(undefined)).toEqual({ ok: true, value: undefined });
      expect(table[channel].parse(null)).toEqual({ ok: true, value: undefined });
    }
  });
});

describe('the guard', () => {
  it('logs the full error and stack, and gives the renderer one short line', async () => {
    services.profiles.list = () => {
      throw new Error('boom\n    at secret (file.ts:1:1)');
    };
    const r = await handlers['profiles:list'](undefined);
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: 'internal',
        message: 'Unexpected failure in profiles:list: boom.',
      }),
    });
    const log = await readFile(join(dir, LOG_FILE), 'utf8');
    expect(log).toMatch(/ERROR ipc-failed .*"channel":"profiles:list"/);
    expect(log).toContain('at secret (file.ts:1:1)');
    expect(log).toMatch(/"stack":".*channel-table\.test\.ts/);
  });

  it('maps a file-system error to its file message, e.g. a full disk while saving settings', async () => {
    services.settings.update = () =>
      Promise.reject(
        Object.assign(new Error('ENOSPC: no space left on device'), {
          code: 'ENOSPC',
          path: join(dir, 'settings.json'),
        }),
      );
    const r = await handlers['settings:update']({ timeZone: 'utc' });
    expect(r.ok || r.error.kind).toBe('disk-full');
    expect(r.ok || r.error.message).toContain('settings.json');
  });

  it('has one rule: anything else is internal, with at most the first line of its message', () => {
    const thrownString = unexpectedError('settings:get', 'a string');
    expect(thrownString).toMatchObject({
      kind: 'internal',
      message: 'Unexpected failure in settings:get: unknown error.',
    });
    expect(thrownString.hint).toMatch(/main\.log/);
    expect(unexpectedError('settings:get', null).kind).toBe('internal');
    const long = unexpectedError('settings:get', new Error(`${'x'.repeat(500)}\nsecond line`));
    expect(long.message).toBe(`Unexpected failure in settings:get: ${'x'.repeat(200)}.`);
    // Node's own codes are not file-system errors.
    for (const code of ['ABORT_ERR', 'ERR_INVALID_ARG_TYPE', 'EACCES_X', 'eacces'])
      expect(unexpectedError('settings:get', Object.assign(new Error('x'), { code })).kind, code).toBe(
        'internal',
      );
  });

  it('maps a system error code wherever it was thrown from, naming the file when known', () => {
    const noPath = unexpectedError('history:list', { code: 'ENOSPC' });
    expect(noPath).toMatchObject({ kind: 'disk-full' });
    expect(noPath.message).toContain('a file in the user-data folder');
    const denied = unexpectedError(
      'history:list',
      Object.assign(new Error('x'), { code: 'EACCES', path: '/d/x' }),
    );
    expect(denied).toMatchObject({ kind: 'file-permission', message: expect.stringContaining('/d/x') });
  });

  it('keeps working when the log cannot be written', async () => {
    await writeFile(join(dir, 'blocker'), 'a file where the log folder would be');
    const broken = guardChannels(
      {
        'settings:get': {
          parse: () => ({ ok: true, value: undefined }),
          run: () => Promise.reject(new Error('boom')),
        },
      },
      createFileLog(join(dir, 'blocker', 'logs')),
    );
    const r = await broken['settings:get'](undefined);
    expect(r.ok || r.error.kind).toBe('internal');
  });
});
