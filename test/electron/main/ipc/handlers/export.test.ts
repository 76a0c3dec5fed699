import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guarded } from './guarded';
import { createExportHandlers, redactionConflict } from '../../../../../electron/main/ipc/handlers/export';
import type { LoadedSession } from '../../../../../shared/domain/loaded-session';
import { readSessionFile } from '../../../../../shared/export/import';
import { loadedFrom, manyPeriodsSession } from '../../../../fixtures/export';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function setup(
  savePath: string | null,
  confirmAnswer = true,
  timeZone: 'utc' | 'local' | 'site' = 'utc',
  text = manyPeriodsSession(20),
) {
  const loaded = loadedFrom(text);
  const sessions = new Map<string, LoadedSession>([[loaded.key, loaded]]);
  const asked: { name: string; filters: { name: string; extensions: string[] }[] }[] = [];
  const questions: string[] = [];
  const handlers = guarded(
    createExportHandlers(
      { registry: { get: (key) => sessions.get(key) }, settings: { get: () => ({ timeZone }) } },
      {
        dialogs: {
          chooseSavePath: async (name, filters) => {
            asked.push({ name, filters });
            return savePath;
          },
          confirm: async (message) => {
            questions.push(message);
            return confirmAnswer;
          },
        },
      },
    ),
  );
  return { handlers, loaded, asked, questions };
}

describe('export times follow the Settings time-zone display', () => {
  it('"site" writes CSV and report times in the site’s zone; UTC and this computer’s zone write UTC', async () => {
    const written = async (timeZone: 'utc' | 'local' | 'site', name: string) => {
      const path = join(dir, name);
      const inBrussels = manyPeriodsSession(20, {
        location: {
          id: 'LOC-1',
          address: 'Main St 1',
          city: 'Gent',
          postal_code: '9000',
          country: 'BEL',
          coordinates: { latitude: '51.047599', longitude: '3.729944' },
          evses: [],
          time_zone: 'Europe/Brussels',
        },
      });
      const { handlers, loaded } = setup(path, true, timeZone, inBrussels);
      expect((await handlers['export:session']({ key: loaded.key, format: 'csv', redact: false })).ok).toBe(
        true,
      );
      return (await readFile(path, 'utf8')).split('\n')[1];
    };
    const site = await written('site', 'site.csv');
    const utc = await written('utc', 'utc.csv');
    const local = await written('local', 'local.csv');
    expect(utc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z,/);
    expect(local).toBe(utc);
    expect(site).toMatch(/^2024-06-01T10:00:00(\.000)?\+02:00,/);
  });
});

describe('redacted exports', () => {
  it.each([
    ['bundle', 'sess-many-redacted.ocpi-session.json'],
    ['csv', 'sess-many-redacted.periods.csv'],
    ['html', 'sess-many-redacted.report.html'],
  ] as const)('%s: suggested under a distinct name, written without the ids', async (format, name) => {
    const path = join(dir, name);
    const { handlers, loaded, asked, questions } = setup(path);
    const r = await handlers['export:session']({ key: loaded.key, format, redact: true });
    expect(r.ok && r.value.path).toBe(path);
    expect(asked[0].name).toBe(name);
    expect(questions).toEqual([]);
    expect(await readFile(path, 'utf8')).not.toContain('DRIVER-TOKEN-123');
  });

  it('asks before a redacted export replaces an existing full one, and keeps it when declined', async () => {
    const path = join(dir, 'sess-many.periods.csv');
    await writeFile(path, 'the full export');
    const declined = setup(path, false);
    const r = await declined.handlers['export:session']({
      key: declined.loaded.key,
      format: 'csv',
      redact: true,
    });
    expect(r).toEqual({ ok: true, value: { path: null, bytes: 0 } });
    expect(declined.questions).toEqual([
      'sess-many.periods.csv already exists and may be the full (unredacted) export. Replace it with the redacted one?',
    ]);
    expect(await readFile(path, 'utf8')).toBe('the full export');
    const accepted = setup(path, true);
    await accepted.handlers['export:session']({ key: accepted.loaded.key, format: 'csv', redact: true });
    expect(await readFile(path, 'utf8')).not.toBe('the full export');
  });

  it('asks before a full export goes under a name that says redacted', async () => {
    const path = join(dir, 'sess-many-redacted.report.html');
    const { handlers, loaded, questions } = setup(path, false);
    const r = await handlers['export:session']({ key: loaded.key, format: 'html', redact: false });
    expect(r.ok && r.value.path).toBeNull();
    expect(questions[0]).toMatch(/named as redacted, but this export is not redacted/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('redactionConflict', () => {
  it('asks only when the name and the redaction disagree in a way that loses data or misleads', () => {
    expect(redactionConflict('/x/a.csv', true, false)).toBeNull();
    expect(redactionConflict('/x/a-redacted.csv', true, true)).toBeNull();
    expect(redactionConflict('/x/a.csv', false, true)).toBeNull();
    expect(redactionConflict('/x/a.csv', true, true)).toMatch(/^a\.csv already exists/);
    expect(redactionConflict('/x/a-redacted.csv', false, false)).toMatch(
      /^a-redacted\.csv is named as redacted/,
    );
    expect(redactionConflict('/x-redacted/a.csv', false, false)).toBeNull();
  });
});

describe('export:session', () => {
  it('writes a bundle that re-opens as the same session, suggesting a name from the session id', async () => {
    const path = join(dir, 'out.ocpi-session.json');
    const { handlers, loaded, asked } = setup(path);
    const result = await handlers['export:session']({ key: loaded.key, format: 'bundle', redact: false });
    const text = await readFile(path, 'utf8');
    expect(result).toEqual({ ok: true, value: { path, bytes: Buffer.byteLength(text) } });
    expect(asked[0]).toEqual({
      name: 'sess-many.ocpi-session.json',
      filters: [{ name: 'Session bundle', extensions: ['json'] }],
    });
    const back = readSessionFile(text, 'out.ocpi-session.json');
    expect(back.ok && back.value.session).toEqual(loaded.session);
  });

  it('writes CSV and the HTML report, redacted when asked', async () => {
    const { handlers, loaded } = setup(join(dir, 'r.html'));
    await handlers['export:session']({ key: loaded.key, format: 'html', redact: true });
    const html = await readFile(join(dir, 'r.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toContain('DRIVER-TOKEN-123');
    const csv = setup(join(dir, 'p.csv'));
    await csv.handlers['export:session']({ key: csv.loaded.key, format: 'csv', redact: false });
    expect((await readFile(join(dir, 'p.csv'), 'utf8')).split('\r\n')).toHaveLength(20 + 2);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { handlers, loaded } = setup(null);
    expect(await handlers['export:session']({ key: loaded.key, format: 'csv', redact: false })).toEqual({
      ok: true,
      value: { path: null, bytes: 0 },
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses bad arguments and a session that is no longer open, without opening a dialog', async () => {
    const { handlers, loaded, asked } = setup(join(dir, 'x'));
    for (const args of [
      undefined,
      null,
      { key: loaded.key, format: 'pdf', redact: false },
      { key: loaded.key, format: 'csv' },
    ]) {
      const r = await handlers['export:session'](args);
      expect(r.ok || r.error.kind).toBe('invalid-argument');
    }
    const gone = await handlers['export:session']({ key: 'nope', format: 'csv', redact: false });
    expect(gone.ok || gone.error.message).toBe('That session is no longer open.');
    expect(asked).toEqual([]);
  });

  it('says clearly when the folder is missing', async () => {
    const path = join(dir, 'missing', 'out.csv');
    const { handlers, loaded } = setup(path);
    const r = await handlers['export:session']({ key: loaded.key, format: 'csv', redact: false });
    expect(r.ok || r.error).toMatchObject({
      kind: 'file-missing-folder',
      message: `The folder for ${path} does not exist.`,
    });
  });

  it('replaces an existing file whole', async () => {
    const path = join(dir, 'p.csv');
    await writeFile(path, 'old');
    const { handlers, loaded } = setup(path);
    await handlers['export:session']({ key: loaded.key, format: 'csv', redact: false });
    expect(await readFile(path, 'utf8')).toMatch(/^start,end/);
    expect(await readdir(dir)).toEqual(['p.csv']);
  });
});

describe('export:png', () => {
  it('saves the chart image as given', async () => {
    const path = join(dir, 'chart.png');
    const { handlers, loaded, asked } = setup(path);
    expect(await handlers['export:png']({ key: loaded.key, png: PNG })).toEqual({
      ok: true,
      value: { path, bytes: PNG.length },
    });
    expect(new Uint8Array(await readFile(path))).toEqual(PNG);
    expect(asked[0].name).toBe('sess-many.timeline.png');
  });

  it('refuses bytes that are not a PNG', async () => {
    const { handlers, loaded } = setup(join(dir, 'chart.png'));
    for (const png of [new Uint8Array([1, 2, 3]), 'not bytes', undefined]) {
      const r = await handlers['export:png']({ key: loaded.key, png });
      expect(r.ok || r.error.kind).toBe('invalid-argument');
    }
    await mkdir(join(dir, 'sub'));
    expect(await readdir(dir)).toEqual(['sub']);
  });
});
