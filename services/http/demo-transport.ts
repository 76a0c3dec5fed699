/**
 * The Demo profile's transport: answers `…/sessions/{id}` and `…/locations/{id}` from the bundled catalog,
 * in process, so demo fetches run through the same client (envelope check, limits, metadata) with no network.
 */
import { DEMO_SESSIONS, demoLocation, demoSession } from '../../shared/demo/catalog';
import type { Transport, TransportResponse } from './http-transport';

export const DEMO_BASE_URL = 'https://demo.session-inspector.invalid/ocpi/2.2.1';

/** Large demo bodies arrive in pieces, so progress events show like a real download. */
const CHUNK_BYTES = 1024 * 1024;

function respond(status: number, body: unknown, requestHeaders: Record<string, string>): TransportResponse {
  const bytes = Buffer.from(JSON.stringify(body));
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'content-length': String(bytes.byteLength),
      'x-request-id': requestHeaders['x-request-id'],
      'x-correlation-id': requestHeaders['x-correlation-id'],
    },
    body: (async function* () {
      for (let i = 0; i < bytes.byteLength; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
    })(),
    discard: () => undefined,
  };
}

const envelope = (status_code: number, status_message: string, data?: unknown) => ({
  status_code,
  status_message,
  timestamp: new Date().toISOString(),
  ...(data === undefined ? {} : { data }),
});

export const demoTransport: Transport = async ({ url, headers, signal }) => {
  signal.throwIfAborted();
  const match = /\/(sessions|locations)\/([^/]+)$/.exec(url.pathname);
  const id = match ? decodeURIComponent(match[2]) : '';
  if (match?.[1] === 'sessions') {
    const session = demoSession(id);
    if (session) return respond(200, session.body, headers);
  } else if (match?.[1] === 'locations') {
    const location = demoLocation(id);
    if (location) return respond(200, envelope(1000, 'Success', location), headers);
  }
  // The valid ids come first, the likeliest meant first: messages show the start of status_message only.
  const message =
    match?.[1] === 'locations'
      ? `Unknown location: ${id}`
      : `Unknown session (demo ids, closest first: ${closestFirst(id).join(', ')}): ${id}`;
  return respond(404, envelope(2003, message), headers);
};

/** Demo ids ordered by how much of the typed id they start with; the catalogue's order among equals. */
function closestFirst(typed: string): string[] {
  const shared = (id: string): number => {
    let n = 0;
    while (n < id.length && n < typed.length && id[n] === typed[n]) n++;
    return n;
  };
  return DEMO_SESSIONS.map((s) => s.id).sort((a, b) => shared(b) - shared(a));
}
