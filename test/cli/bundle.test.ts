import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { memoryIo } from '../support/memory-io';
import { ocpi221Envelope } from '../fixtures/sessions';

const REPO = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  execFileSync(process.execPath, [join(REPO, 'scripts/build-cli.mjs')]);
});

describe('the bundled CLI (out/cli, built by `npm ci`)', () => {
  it('prints what the sources print, started through the installed bin', async () => {
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify(ocpi221Envelope()));
    const io = memoryIo();
    expect(await main(['summary', file, '--json'], io)).toBe(0);
    const env = { ...process.env, OCPI_INSPECT_FROM_SOURCE: '' };
    const viaBin = execFileSync(
      process.execPath,
      [join(REPO, 'bin/ocpi-inspect.mjs'), 'summary', file, '--json'],
      {
        encoding: 'utf8',
        env,
      },
    );
    const viaBundle = execFileSync(
      process.execPath,
      [join(REPO, 'out/cli/ocpi-inspect.mjs'), 'summary', file, '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(viaBundle).toBe(io.out);
    expect(viaBin).toBe(io.out);
  });

  it('starts without a TypeScript loader: no module of the bundle imports tsx or a .ts file', () => {
    const files = readdirSync(join(REPO, 'out/cli'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.mjs'),
    );
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      const text = readFileSync(join(REPO, 'out/cli', f), 'utf8');
      expect(text, f).not.toMatch(/from\s*["']tsx|import\(["'][^"']*\.tsx?["']\)/);
    }
  });
});
