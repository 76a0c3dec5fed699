/** The part of a fetch every flavour shares: the separate Location GET and the LoadedSession it becomes. */
import { describe, expect, it, vi } from 'vitest';
import {
  assembleLoadedSession,
  fetchSeparateLocation,
  type FetchedBody,
} from '../../../services/sessions/assemble-loaded';
import { appError, type Result } from '../../../shared/domain/errors';
import type { FetchMeta } from '../../../shared/domain/loaded-session';

const meta = (url: string, requestId: string): FetchMeta => ({
  url,
  method: 'GET',
  status: 200,
  durationMs: 5,
  bytes: 10,
  fetchedAt: '2026-12-01T10:00:00.000Z',
  requestId,
  correlationId: 'corr-1',
  responseRequestId: null,
  responseCorrelationId: null,
  attempts: 1,
});
const body = (json: unknown, url: string, id: string): FetchedBody => ({
  json,
  text: JSON.stringify(json),
  meta: meta(url, id),
});
const session = (extra: Record<string, unknown>) => ({
  id: 'S1',
  start_date_time: '2026-12-01T08:00:00Z',
  end_date_time: '2026-12-01T09:00:00Z',
  kwh: 10,
  status: 'COMPLETED',
  last_updated: '2026-12-01T09:00:00Z',
  ...extra,
});
const location = { id: 'LOC-1', name: 'Plaza', coordinates: { latitude: '52.1', longitude: '4.3' } };

describe('fetchSeparateLocation', () => {
  it('makes no GET for a session that embeds its Location or names none', async () => {
    const get = vi.fn();
    for (const s of [session({ location }), session({})]) {
      const r = await fetchSeparateLocation({ status_code: 1000, data: s }, get);
      expect(r).toEqual({ ok: true, value: { location: null, warnings: [], checks: [] } });
    }
    expect(get).not.toHaveBeenCalled();
  });

  it('GETs the Location a session names by id, from the envelope or a bare Session', async () => {
    for (const sent of [
      { status_code: 1000, data: session({ location_id: 'LOC-1' }) },
      session({ location_id: 'LOC-1' }),
    ]) {
      const got = body(location, 'https://x/locations/LOC-1', 'r2');
      const get = vi.fn(async (): Promise<Result<FetchedBody>> => ({ ok: true, value: got }));
      const r = await fetchSeparateLocation(sent, get);
      expect(get).toHaveBeenCalledWith('LOC-1');
      expect(r.ok && r.value.location).toBe(got);
    }
  });

  it('refuses a dot-segment id without a GET, and keeps the session with LOCATION_UNAVAILABLE', async () => {
    const get = vi.fn();
    const r = await fetchSeparateLocation(session({ location_id: '..' }), get);
    expect(get).not.toHaveBeenCalled();
    if (!r.ok) throw new Error('expected the session kept');
    expect(r.value.checks.map((c) => c.code)).toEqual(['LOCATION_UNAVAILABLE']);
    expect(r.value.warnings[0]).toMatchObject({ path: 'data.location_id' });
    expect(r.value.warnings[0].message).toMatch(/not fetched.*the map and EVSE details are missing\.$/);
  });

  it('a failed GET is a warning, a cancelled one fails the load', async () => {
    const failed = await fetchSeparateLocation(session({ location_id: 'L9' }), async () => ({
      ok: false,
      error: appError('forbidden', 'HTTP 403', 'Ask for access.', { status: 403 }),
    }));
    expect(failed.ok && failed.value.warnings[0].message).toBe(
      'The Location L9 could not be fetched (HTTP 403); the map and EVSE details are missing.',
    );
    const cancelled = await fetchSeparateLocation(session({ location_id: 'L9' }), async () => ({
      ok: false,
      error: appError('cancelled', 'Cancelled.', ''),
    }));
    expect(!cancelled.ok && cancelled.error.kind).toBe('cancelled');
  });
});

describe('assembleLoadedSession', () => {
  it('reads the session with its Location and keeps both GETs, Location warnings first', async () => {
    const s = body(
      { status_code: 1000, data: session({ location_id: 'LOC-1' }) },
      'https://x/sessions/S1',
      'r1',
    );
    const loc = body(location, 'https://x/locations/LOC-1', 'r2');
    const r = assembleLoadedSession({
      body: s.json,
      session: s,
      location: { location: loc, warnings: [{ path: 'p', message: 'first' }], checks: [] },
      source: { kind: 'fetch', profileName: 'Lab', flavour: 'ocpi-2.2.1' },
      requests: [s.meta, loc.meta],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.session.location?.name).toBe('Plaza');
    expect(r.value.source).toMatchObject({
      fetch: s.meta,
      locationFetch: loc.meta,
      requests: [s.meta, loc.meta],
    });
    expect(r.value.rawText).toBe(s.text);
    expect(r.value.rawLocationText).toBe(loc.text);
    expect(r.value.warnings[0].message).toBe('first');
  });

  it('an unreadable body is an error that names the response', () => {
    const s = body('not a session', 'https://x/sessions/S1', 'r1');
    const r = assembleLoadedSession({
      body: s.json,
      session: s,
      location: { location: null, warnings: [], checks: [] },
      source: { kind: 'fetch', profileName: 'Lab', flavour: 'vendor' },
      requests: [s.meta],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.requestId).toBe('r1');
  });
});
