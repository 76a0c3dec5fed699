/**
 * A CPO's Sessions Sender interface has no GET by id: whatever the client does there (discover, list, find a
 * session by id, follow it, fetch from the CLI), no request may go to `{sessions}/{id}`. The local server
 * records every request; this sweeps them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { nodeTransport } from '../../../services/http/http-transport';
import { discover } from '../../../services/ocpi/discovery';
import { findSession } from '../../../services/ocpi/find-session';
import { followOnce } from '../../../services/ocpi/follow-session';
import { OcpiConnection } from '../../../services/ocpi/ocpi-connection';
import { datasetSessionId } from '../../../shared/demo/session-dataset';
import { byIdInterface } from '../../../shared/ocpi/interfaces';
import { memoryIo } from '../../support/memory-io';
import { type MockOcpiServer, startOcpiServer } from '../../../tools/mock-api/ocpi-server';

let server: MockOcpiServer;
beforeAll(async () => {
  server = await startOcpiServer({ sessions: 120, maxPageSize: 25 });
});
afterAll(() => server.close());

/** Sender session paths: `…/sender/sessions[/…]` from 2.2, `/ocpi/2.1.1/sessions[/…]` (no roles). */
const SENDER_SESSIONS = /^(?:\/[a-z-]+)?\/ocpi\/(?:[\d.]+\/sender|2\.1\.1)\/sessions(\/[^?]*)?(\?|$)/;

describe('the Sessions Sender interface', () => {
  it('is never asked for {sessions}/{id}', async () => {
    const ids = [datasetSessionId(3), datasetSessionId(77), 'NOT-THERE'];
    for (const scenario of ['', 'sender-only'] as const) {
      for (const version of ['2.1.1', '2.2.1', '2.3.0']) {
        const conn = new OcpiConnection({ token: server.token, transport: nodeTransport });
        const d = await discover(conn, server.versionsUrl(scenario), {
          correlationId: 'c',
          fixedVersion: version,
        });
        if (!d.ok) throw new Error(d.error.message);
        for (const id of ids) {
          const found = await findSession(conn, {
            endpoints: d.value.endpoints,
            ref: { id, party: null },
            profileParty: null,
            around: Date.parse('2024-05-01T04:00:00Z'),
            now: Date.parse('2024-05-02T00:00:00Z'),
            limit: 25,
            correlationId: 'c',
          });
          expect(found.ok).toBe(id !== 'NOT-THERE');
          const via = byIdInterface(d.value.endpoints, 'sessions', null);
          if (via.ok)
            await followOnce(conn, { via: via.value, id, key: id }, Date.parse('2024-05-01T00:00:00Z'));
        }
        const io = memoryIo();
        io.env = { OCPI_INSPECT_TOKEN: server.token, OCPI_INSPECT_USER_DATA: '/nonexistent-h8' };
        expect(
          await main(
            [
              'fetch',
              ids[0],
              '--versions-url',
              server.versionsUrl(scenario),
              '--version',
              version,
              '--around',
              '2024-05-01T01:00:00Z',
            ],
            io,
          ),
        ).toBe(0);
      }
    }
    const senderRequests = server.requests.filter((r) => SENDER_SESSIONS.test(r.path));
    expect(senderRequests.length).toBeGreaterThan(30);
    expect(senderRequests.filter((r) => SENDER_SESSIONS.exec(r.path)?.[1] !== undefined)).toEqual([]);
    // The pattern does catch a GET by id: the server answers one with 404, and it would show here.
    expect(SENDER_SESSIONS.exec('/ocpi/2.2.1/sender/sessions/S000004')?.[1]).toBe('/S000004');
    expect(SENDER_SESSIONS.exec('/ocpi/2.1.1/sessions/S000004?x=1')?.[1]).toBe('/S000004');
  });
});
