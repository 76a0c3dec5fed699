/** How views show the GETs of a fetch: ours and the server's ids, the server's only where they differ. */
import { describe, expect, it } from 'vitest';
import { presentRequest, presentSession } from '../../../shared/present/present-session';
import { FETCH_META, loadedFrom } from '../../fixtures/export';
import { ocpi221Envelope } from '../../fixtures/sessions';

describe('presentRequest', () => {
  it('shows the server’s ids only where they differ from the ones sent', () => {
    expect(
      presentRequest({ ...FETCH_META, responseRequestId: 'req-1', responseCorrelationId: 'corr-1' }),
    ).toEqual({
      url: FETCH_META.url,
      status: 200,
      durationMs: 123,
      requestId: 'req-1',
      correlationId: 'corr-1',
      responseRequestId: null,
      responseCorrelationId: null,
    });
    const theirs = presentRequest({
      ...FETCH_META,
      responseRequestId: 'gw-77',
      responseCorrelationId: 'gw-c',
    });
    expect([theirs.responseRequestId, theirs.responseCorrelationId]).toEqual(['gw-77', 'gw-c']);
  });

  it('makes control and bidi characters in echoed ids visible', () => {
    const r = presentRequest({ ...FETCH_META, responseRequestId: 'a\u202eb' });
    expect(r.responseRequestId).not.toContain('\u202e');
  });
});

describe('presented source requests', () => {
  const present = (source: Parameters<typeof loadedFrom>[2]) => {
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()), null, source);
    return presentSession(loaded).source?.requests ?? [];
  };

  it('lists every kept request in order', () => {
    const discovery = { ...FETCH_META, requestId: 'req-0', url: 'https://cpo.example.test/versions' };
    expect(present({ requests: [discovery, FETCH_META] }).map((r) => r.requestId)).toEqual([
      'req-0',
      'req-1',
    ]);
  });

  it('falls back to the session and Location GETs for bundles written before requests were kept', () => {
    const loc = { ...FETCH_META, requestId: 'req-2' };
    expect(present({ locationFetch: loc }).map((r) => r.requestId)).toEqual(['req-1', 'req-2']);
    expect(present({ fetch: null })).toEqual([]);
  });
});
