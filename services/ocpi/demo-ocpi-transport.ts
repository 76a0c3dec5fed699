/**
 * The Demo profile's OCPI 2.2.1 CPO, served in process like services/http/demo-transport.ts: discovery,
 * Sender lists with Link paging and Receiver GETs answered by shared/demo/ocpi-cpo.ts under
 * `{demo origin}/cpo`, with no token and no network. Its sessions end in the week before the app started,
 * so a search over the last days finds them on first run.
 */
import { createOcpiCpo, type OcpiCpo } from '../../shared/demo/ocpi-cpo';
import { DEMO_BASE_URL, demoTransport } from '../http/demo-transport';
import type { Transport } from '../http/http-transport';

const DEMO_ORIGIN = new URL(DEMO_BASE_URL).origin;
const PREFIX = '/cpo';
export const DEMO_OCPI_VERSIONS_URL = `${DEMO_ORIGIN}${PREFIX}/ocpi/versions`;
const DEMO_SESSIONS = 2_000;
const SPACING_MINUTES = 5;

let cpo: OcpiCpo | null = null;
const demoCpo = (): OcpiCpo =>
  (cpo ??= createOcpiCpo({
    origin: `${DEMO_ORIGIN}${PREFIX}`,
    token: null,
    record: false,
    versions: ['2.2.1'],
    sessions: DEMO_SESSIONS,
    maxPageSize: 50,
    startAt: new Date(Date.now() - DEMO_SESSIONS * SPACING_MINUTES * 60_000).toISOString(),
    spacingMinutes: SPACING_MINUTES,
  }));

/** The OCPI CPO under `/cpo`, the Demo catalog's `…/sessions/{id}` and `…/locations/{id}` elsewhere. */
export const demoOcpiTransport: Transport = async (req) => {
  if (req.url.origin !== DEMO_ORIGIN || !req.url.pathname.startsWith(`${PREFIX}/`)) return demoTransport(req);
  req.signal.throwIfAborted();
  const answer = demoCpo().handle({
    method: 'GET',
    path: req.url.pathname.slice(PREFIX.length) + req.url.search,
    headers: req.headers,
  });
  const bytes = new TextEncoder().encode(answer.body);
  return {
    status: answer.status,
    headers: { ...answer.headers, 'content-length': String(bytes.byteLength) },
    body: (async function* () {
      yield bytes;
    })(),
    discard: () => undefined,
  };
};
