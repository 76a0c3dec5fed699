import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { agreeingCdr } from '../fixtures/billing/cdrs';
import { agreeingTariff } from '../fixtures/billing/tariffs';
import { memoryIo } from '../support/memory-io';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-export-cdr-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('ocpi-inspect export of a CDR', () => {
  it('exports it as a CDR: the report says so and carries its billing; the bundle re-opens as a CDR', async () => {
    const cdr = join(dir, 'cdr.json');
    await writeFile(
      cdr,
      JSON.stringify(agreeingCdr([agreeingTariff()], { total_cost: { excl_vat: 5, incl_vat: 6.05 } })),
    );
    const html = join(dir, 'cdr.html');
    expect(await main(['export', cdr, '--format', 'html', '--out', html], memoryIo())).toBe(0);
    const report = await readFile(html, 'utf8');
    expect(report).toContain('No session: this is a CDR.');
    expect(report).toContain('CDR_COST_MISMATCH');

    const bundle = join(dir, 'cdr.ocpi-session.json');
    expect(await main(['export', cdr, '--format', 'bundle', '--out', bundle], memoryIo())).toBe(0);
    const again = join(dir, 'again.html');
    expect(await main(['export', bundle, '--format', 'html', '--out', again], memoryIo())).toBe(0);
    expect(await readFile(again, 'utf8')).toContain('No session: this is a CDR.');
  });
});
