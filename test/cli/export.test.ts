import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { BUNDLE_FORMAT } from '../../shared/export/bundle';
import { manyPeriodsSession } from '../fixtures/export';
import { ocpi221Envelope } from '../fixtures/sessions';
import { memoryIo } from '../support/memory-io';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function input(content: string, name = 'in.json'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('ocpi-inspect export', () => {
  it('writes a bundle whose summary equals the raw response’s summary', async () => {
    const raw = await input(JSON.stringify(ocpi221Envelope()));
    const out = join(dir, 'out.ocpi-session.json');
    const io = memoryIo();
    expect(await main(['export', raw, '--format', 'bundle', '--out', out], io)).toBe(0);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/^wrote .*out\.ocpi-session\.json \(\d+ bytes\)\n$/);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({
      format: BUNDLE_FORMAT,
      source: { kind: 'file', fileName: 'in.json' },
    });

    const fromRaw = memoryIo();
    const fromBundle = memoryIo();
    expect(await main(['summary', raw, '--json'], fromRaw)).toBe(0);
    expect(await main(['summary', out, '--json'], fromBundle)).toBe(0);
    expect(fromBundle.out).toBe(fromRaw.out);
  });

  it('writes one CSV row per period, reading standard input', async () => {
    const out = join(dir, 'p.csv');
    expect(
      await main(['export', '-', '--format', 'csv', '--out', out], memoryIo(manyPeriodsSession(321))),
    ).toBe(0);
    const lines = (await readFile(out, 'utf8')).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(321);
  });

  it('writes a redacted HTML report with no token and no external resource', async () => {
    const out = join(dir, 'r.html');
    const raw = await input(manyPeriodsSession(10));
    expect(await main(['export', raw, '--format', 'html', '--redact', '--out', out], memoryIo())).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).not.toContain('DRIVER-TOKEN-123');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
  });

  it('exports a bundle back to a bundle unchanged but for the export time', async () => {
    const first = join(dir, 'a.ocpi-session.json');
    const second = join(dir, 'b.ocpi-session.json');
    await main(
      ['export', await input(manyPeriodsSession(3)), '--format', 'bundle', '--out', first],
      memoryIo(),
    );
    await main(['export', first, '--format', 'bundle', '--out', second], memoryIo());
    const a = JSON.parse(await readFile(first, 'utf8'));
    const b = JSON.parse(await readFile(second, 'utf8'));
    expect({ ...b, exportedAt: 0, source: 0 }).toEqual({ ...a, exportedAt: 0, source: 0 });
  });

  it.each([
    [['export'], /exactly one input/],
    [['export', 'x.json', '--format', 'pdf', '--out', 'o'], /--format must be bundle, csv or html/],
    [['export', 'x.json', '--format', 'csv'], /--out PATH is required/],
    [['export', 'missing.json', '--format', 'csv', '--out', 'o'], /no such file: missing\.json/],
  ])('%j exits 2 with one line on stderr', async (args, message) => {
    const io = memoryIo();
    expect(await main(args, io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });

  it('reports bad content and an unwritable destination in one line, exit 2', async () => {
    const notJson = memoryIo();
    expect(
      await main(
        ['export', await input('<html>', 'page.html'), '--format', 'csv', '--out', join(dir, 'o.csv')],
        notJson,
      ),
    ).toBe(2);
    expect(notJson.err).toMatch(/^ocpi-inspect: page\.html is not JSON/);
    const newer = memoryIo();
    const bundle = JSON.stringify({ format: BUNDLE_FORMAT, formatVersion: '2.0', raw: { response: '{}' } });
    expect(
      await main(
        ['export', await input(bundle, 'new.json'), '--format', 'csv', '--out', join(dir, 'o.csv')],
        newer,
      ),
    ).toBe(2);
    expect(newer.err).toMatch(/format version 2\.0/);
    const noFolder = memoryIo();
    const out = join(dir, 'nope', 'o.csv');
    expect(
      await main(['export', await input(manyPeriodsSession(2)), '--format', 'csv', '--out', out], noFolder),
    ).toBe(2);
    expect(noFolder.err).toBe(`ocpi-inspect: The folder for ${out} does not exist.\n`);
  });
});

describe('ocpi-inspect summary with bundles', () => {
  it('refuses a bundle of a newer format version with exit 2', async () => {
    const io = memoryIo();
    const bundle = JSON.stringify({ format: BUNDLE_FORMAT, formatVersion: '5.0', raw: { response: '{}' } });
    expect(await main(['summary', await input(bundle)], io)).toBe(2);
    expect(io.err).toMatch(/format version 5\.0; this app reads version 1\.x/);
  });
});
