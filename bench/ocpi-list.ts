/**
 * OCPI list benchmark: 10,000 sessions in 400 pages of 25 from the local spec-conformant server, listed by
 * the app's lister (Link paging, de-duplication, window filter) with the reader's checks on each session,
 * against a bare client that GETs the same pages through the same GET client and only parses them.
 * The server runs in its own process (`npm run mock-api`), as a real one would: in this process it would
 * share the event loop with the client being measured. Target: ratio ≤ 1.5. Run alone with
 * `npx tsx bench/ocpi-list.ts`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { httpGet } from '../services/http/http-client';
import { nodeTransport, type Transport } from '../services/http/http-transport';
import { discover } from '../services/ocpi/discovery';
import { OcpiConnection } from '../services/ocpi/ocpi-connection';
import { listSessions } from '../services/ocpi/session-lister';
import { authHeader } from '../services/http/auth-header';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUTS } from '../shared/domain/profile';
import { listInterface } from '../shared/ocpi/interfaces';
import { nextLinkUrl } from '../shared/ocpi/link-header';
import { toSessionRow } from '../shared/ocpi/session-rows';
import { median, ms } from './stats';

const SESSIONS = 10_000;
const PAGE = 25;
const FROM = Date.parse('2024-04-01T00:00:00Z');
const TO = Date.parse('2024-07-01T00:00:00Z');

async function timeMedianAsync(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Starts `tools/mock-api/cli.ts` and reads the OCPI server's versions URL from what it prints. */
async function startServerProcess(token: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tools/mock-api/cli.ts', '--ocpi-sessions', String(SESSIONS)],
    {
      env: { ...process.env, MOCK_API_TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  for await (const chunk of child.stdout) {
    out += String(chunk);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/ocpi\/versions)/.exec(out);
    if (url && out.includes('Ctrl+C'))
      return {
        versionsUrl: url[1],
        token,
        close: async () => {
          child.kill('SIGTERM');
          await once(child, 'exit');
        },
      };
  }
  throw new Error(`the mock server did not start: ${out}`);
}

export async function runOcpiListBench(runs = 5): Promise<void> {
  const server = await startServerProcess(`bench-${randomUUID()}`);
  try {
    const conn = new OcpiConnection({ token: server.token, transport: nodeTransport });
    const found = await discover(conn, server.versionsUrl, {
      correlationId: randomUUID(),
      fixedVersion: '2.2.1',
    });
    if (!found.ok) throw new Error(found.error.message);
    const url = listInterface(found.value.endpoints, 'sessions');
    if (!url.ok) throw new Error(url.error.message);
    const first = new URL(url.value);
    first.searchParams.set('date_from', new Date(FROM).toISOString());
    first.searchParams.set('date_to', new Date(TO).toISOString());
    first.searchParams.set('limit', String(PAGE));
    const auth = authHeader({ kind: 'token' }, server.token, true);

    // The bare client reads the Link header off the wire, as any client must.
    let link: string | undefined;
    const transport: Transport = async (req) => {
      const res = await nodeTransport(req);
      link = res.headers.link;
      return res;
    };
    let barePages = 0;
    let bareRows = 0;
    const bare = async (): Promise<void> => {
      barePages = 0;
      bareRows = 0;
      for (let next: string | null = first.href; next !== null;) {
        const got = await httpGet(
          { url: next, auth, timeouts: DEFAULT_TIMEOUTS, maxBytes: DEFAULT_MAX_BYTES },
          { transport },
        );
        if (!got.ok) throw new Error(got.error.message);
        barePages++;
        bareRows += (got.value.json as { data: unknown[] }).data.length;
        next = nextLinkUrl(link, next);
      }
    };
    let listedPages = 0;
    let findings = 0;
    let rows = 0;
    const listed = async (): Promise<void> => {
      rows = 0;
      findings = 0;
      const r = await listSessions(conn, {
        url: url.value,
        dateFrom: FROM,
        dateTo: TO,
        limit: PAGE,
        correlationId: randomUUID(),
        // As `ocpi-inspect list` does: each page read with its checks while the next one is fetched.
        onRows: (page) => {
          for (const raw of page) {
            const row = toSessionRow(raw);
            if (row) {
              rows++;
              findings += row.anomalies.length;
            }
          }
        },
      });
      if (r.failure) throw new Error(r.failure.error.message);
      listedPages = r.pages;
      conn.requests.length = 0;
    };

    // Warm both paths, then alternate so neither gets a warmer machine.
    await bare();
    await listed();
    const bareTimes: number[] = [];
    const listTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      bareTimes.push(...(await timeMedianAsync(bare, 1)));
      listTimes.push(...(await timeMedianAsync(listed, 1)));
    }
    const b = median(bareTimes);
    const l = median(listTimes);
    console.log(
      `OCPI list: ${SESSIONS.toLocaleString('en')} sessions, ${listedPages} pages of ${PAGE} (bare: ${barePages} pages, ${bareRows} rows); ${rows} read, ${findings} finding(s)`,
    );
    console.log(`  bare GET + parse of every page          ${ms(b)}`);
    console.log(`  lister + reader checks on every session ${ms(l)}`);
    console.log(`  ratio                                    ${(l / b).toFixed(3)}   target ≤ 1.5`);
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runOcpiListBench();
