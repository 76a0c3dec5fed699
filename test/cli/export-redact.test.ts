/** `ocpi-inspect export --format bundle --redact`, started as a user starts it, on every id spelling. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ocpi211Session } from '../fixtures/sessions';

const BIN = new URL('../../bin/ocpi-inspect.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cli-redact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sources, not a bundle `npm ci` may have built before this change. */
const cli = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, OCPI_INSPECT_FROM_SOURCE: '1' },
    timeout: 60_000,
  });

describe('ocpi-inspect export --redact', () => {
  it('leaves no id in the bundle, whatever its spelling, and the bundle summarizes like the input', () => {
    const body = JSON.stringify(ocpi211Session({ auth_id: undefined }), null, 2);
    const members = [
      '"auth_id": "DUP-FIRST-1"',
      '"auth_id": "DUP\\/SECOND\\/2"',
      '"AUTH_ID": "UPPER-3"',
      '"Contract_Id": "NL\\u002DCON-4"',
      '"emaid": "EMA5"',
      '"cdr_token": {"uid": 60606060}',
      '"cdr_token": {"uid": "TOK-7"}',
      '"remark": "card EMA5 seen, number 60606060, DUP/SECOND/2"',
    ];
    const input = join(dir, 'hostile.json');
    writeFileSync(input, `{${members.join(', ')},${body.slice(1)}`);
    const out = join(dir, 'out.ocpi-session.json');
    const run = cli(['export', input, '--format', 'bundle', '--redact', '--out', out]);
    expect(run.stderr).toMatch(/^wrote /);
    expect(run.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    for (const id of ['DUP-FIRST', 'SECOND', 'UPPER-3', 'CON-4', 'EMA5', '60606060', 'TOK-7'])
      expect(text).not.toContain(id);
    expect(JSON.parse(text).redacted).toBe(true);

    const before = JSON.parse(cli(['summary', input, '--json']).stdout);
    const after = JSON.parse(cli(['summary', out, '--json']).stdout);
    expect(after).toEqual(before);
  }, 120_000);
});
