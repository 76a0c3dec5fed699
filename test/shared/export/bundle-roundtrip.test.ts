import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  createBundle,
  suggestedFileName,
} from '../../../shared/export/bundle';
import { readSessionFile, readSessionOrBundle } from '../../../shared/export/import';
import { readSession } from '../../../shared/session/read-session';
import { summarize } from '../../../shared/session/summary';
import type { NormalizedSession, ReadSuccess } from '../../../shared/session/types';
import { FETCH_META, loadedFrom, manyPeriodsSession } from '../../fixtures/export';
import {
  ocpi211Session,
  ocpi221Envelope,
  ocpi221LocationEnvelope,
  vendorEnvelope,
} from '../../fixtures/sessions';

const APP = { appVersion: '9.8.7', redact: false, exportedAt: new Date('2024-07-01T00:00:00Z') };

function reopen(bundleText: string) {
  const read = readSessionFile(bundleText, 'x.ocpi-session.json');
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

/** Typed arrays compared element by element, NaN equal to NaN. */
function expectSameSession(a: NormalizedSession, b: NormalizedSession): void {
  expect(b).toEqual(a);
  const p = a.periods;
  const q = b.periods;
  for (const name of ['start', 'end', 'durationS', 'energyKwh', 'cumulativeKwh', 'powerKw'] as const)
    expect(Array.from(q[name])).toEqual(Array.from(p[name]));
  for (const t of p.dimensionTypes)
    expect(Array.from(q.dimensions.get(t) ?? [])).toEqual(Array.from(p.dimensions.get(t) ?? [NaN]));
}

describe('session bundle round trip', () => {
  const cases: [string, string, string | null][] = [
    ['vendor envelope', JSON.stringify(vendorEnvelope(), null, 1), null],
    ['OCPI 2.1.1 bare session', JSON.stringify(ocpi211Session()), null],
    [
      'OCPI 2.2.1 with a separate Location',
      JSON.stringify(ocpi221Envelope()),
      JSON.stringify(ocpi221LocationEnvelope()),
    ],
    ['500 periods with gaps and tariffs', manyPeriodsSession(500), null],
  ];

  it.each(cases)('%s: re-opens with identical derived data, warnings and checks', (_name, raw, location) => {
    const loaded = loadedFrom(raw, location);
    const back = reopen(createBundle(loaded, APP));
    expectSameSession(loaded.session, back.session);
    expect(back.checks).toEqual(loaded.checks);
    expect(back.warnings).toEqual(loaded.warnings);
    expect(back.rawText).toBe(raw);
    expect(back.rawLocationText).toBe(location);
  });

  it.each(cases)('%s: raw → bundle → summary gives the same summary', (_name, raw, location) => {
    const direct = readSession(raw, location === null ? {} : { location }) as ReadSuccess;
    const viaBundle = readSessionOrBundle(createBundle(loadedFrom(raw, location), APP));
    expect(viaBundle.ok).toBe(true);
    expect(summarize(viaBundle as ReadSuccess)).toEqual(summarize(direct));
  });

  it('records format, versions, source and the raw response exactly as received', () => {
    const raw = JSON.stringify(ocpi221Envelope(), null, 3) + '\n\n';
    const loaded = loadedFrom(raw);
    const bundle = JSON.parse(createBundle(loaded, APP));
    expect(bundle).toMatchObject({
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_VERSION,
      appVersion: '9.8.7',
      exportedAt: '2024-07-01T00:00:00.000Z',
      redacted: false,
      source: { kind: 'fetch', profileName: 'Lab CPO', flavour: 'ocpi-2.2.1', fetch: loaded.source.fetch },
      raw: { response: raw, location: null },
      warnings: loaded.warnings,
      checks: loaded.checks,
    });
    expect(Object.keys(bundle)[0]).toBe('format');
  });

  it('keeps the source of a fetched session when the bundle is opened as a file', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()));
    const back = reopen(createBundle(loaded, APP));
    expect(back.source).toEqual({ ...loaded.source, kind: 'file', fileName: 'x.ocpi-session.json' });
  });

  it('keeps every request of the fetch with its ids; a hand-edited entry that is not one is dropped', () => {
    const discovery = { ...FETCH_META, url: 'https://cpo.example.test/ocpi/versions', requestId: 'req-0' };
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()), null, { requests: [discovery, FETCH_META] });
    const back = reopen(createBundle(loaded, APP));
    expect(back.source.requests).toEqual([discovery, FETCH_META]);
    const edited = JSON.parse(createBundle(loaded, APP));
    edited.source.requests.push('not a request', { url: 7 });
    expect(reopen(JSON.stringify(edited)).source.requests).toEqual([discovery, FETCH_META]);
  });

  it('suggests a file-system-safe name from the session id', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi211Session({ id: 'a/b:c*d' })));
    expect(suggestedFileName(loaded, '.csv')).toBe('a_b_c_d.csv');
  });
});
