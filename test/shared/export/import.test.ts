import { describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/export/bundle';
import { readSessionFile, readSessionOrBundle } from '../../../shared/export/import';
import { MAX_SESSION_FILE_BYTES } from '../../../shared/input/limits';
import { loadedFrom } from '../../fixtures/export';
import { ocpi211Session, ocpi221Envelope, vendorEnvelope } from '../../fixtures/sessions';

function failure(text: string, name = 'f.json') {
  const read = readSessionFile(text, name);
  if (read.ok) throw new Error('expected a failure');
  return read.error;
}

const bundleText = (patch: Record<string, unknown>): string =>
  JSON.stringify({
    ...JSON.parse(
      createBundle(loadedFrom(JSON.stringify(ocpi211Session())), { appVersion: '1', redact: false }),
    ),
    ...patch,
  });

describe('readSessionFile', () => {
  it('opens a raw response envelope and a bare session through the reader', () => {
    const envelope = readSessionFile(JSON.stringify(vendorEnvelope()), 'resp.json');
    const bare = readSessionFile(JSON.stringify(ocpi211Session()), 'bare.json');
    expect(envelope.ok && envelope.value.session.shape).toBe('vendor');
    expect(bare.ok && bare.value.session.shape).toBe('ocpi-2.1.1');
    expect(bare.ok && bare.value.source).toEqual({
      kind: 'file',
      fileName: 'bare.json',
      profileName: null,
      flavour: null,
      fetch: null,
      locationFetch: null,
    });
  });

  it('keeps only the file name of a path', () => {
    const read = readSessionFile(JSON.stringify(ocpi211Session()), 'C:\\Users\\me\\secret-folder\\s.json');
    expect(read.ok && read.value.source.fileName).toBe('s.json');
    expect(failure('nope', '/home/me/private/x.json').message).not.toContain('private');
  });

  it('says where a file stops being JSON', () => {
    const error = failure('{"id": "1",\n  "kwh": }', 'broken.json');
    expect(error.kind).toBe('file-not-json');
    expect(error.message).toMatch(/^broken\.json is not JSON: .*line 2, column 10/);
  });

  it('refuses foreign JSON: another tool’s format, a list, a non-session object', () => {
    expect(failure(JSON.stringify({ format: 'geojson', type: 'FeatureCollection' })).kind).toBe(
      'file-foreign-format',
    );
    expect(failure(JSON.stringify({ format: 'geojson' })).message).toContain('"geojson"');
    expect(failure('[1, 2, 3]').kind).toBe('file-foreign-format');
    expect(failure(JSON.stringify({ name: 'package', version: '1.0.0' })).kind).toBe('file-foreign-format');
  });

  it('refuses a bundle of a newer major version, accepts a newer minor one', () => {
    const newer = failure(bundleText({ formatVersion: '2.0' }), 'new.ocpi-session.json');
    expect(newer.kind).toBe('file-newer-version');
    expect(newer.message).toContain('2.0');
    expect(readSessionFile(bundleText({ formatVersion: '1.7', futureField: true }), 'b.json').ok).toBe(true);
  });

  it('refuses a damaged bundle: no version, no raw response', () => {
    expect(failure(bundleText({ formatVersion: 'one' })).kind).toBe('file-foreign-format');
    expect(failure(bundleText({ raw: { response: 42 } })).kind).toBe('file-foreign-format');
  });

  it('ignores odd types in a hand-edited bundle source', () => {
    const read = readSessionFile(
      bundleText({ source: { profileName: 7, flavour: 'evil', fetch: { url: 5 } } }),
      'b.json',
    );
    expect(read.ok && read.value.source).toMatchObject({ profileName: null, flavour: null, fetch: null });
  });

  it('refuses a file that is too large before parsing it', () => {
    const error = failure(' '.repeat(MAX_SESSION_FILE_BYTES + 1), 'huge.json');
    expect(error.kind).toBe('file-too-large');
    expect(error.message).toContain('huge.json');
  });

  it('a bundle exported with a LOCATION_UNAVAILABLE finding reopens with it, and one without it without', () => {
    const raw = JSON.stringify(ocpi221Envelope());
    const message =
      'The Location LOC-221 could not be fetched (HTTP 404); the map and EVSE details are missing.';
    const fetched = loadedFrom(raw);
    const failed = {
      ...fetched,
      warnings: [{ path: 'data.location_id', message }, ...fetched.warnings],
      checks: [
        ...fetched.checks,
        { code: 'LOCATION_UNAVAILABLE' as const, severity: 'warning' as const, message },
      ],
    };
    const reopened = readSessionFile(createBundle(failed, { appVersion: '1', redact: false }), 'b.json');
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.value.checks).toEqual(failed.checks);
    expect(reopened.value.warnings).toEqual(failed.warnings);
    const plain = readSessionFile(createBundle(fetched, { appVersion: '1', redact: false }), 'b.json');
    expect(plain.ok && plain.value.checks).toEqual(fetched.checks);
  });

  it('reports an error envelope as such', () => {
    const error = failure(
      JSON.stringify({ status_code: 2001, status_message: 'Unknown session', data: null }),
    );
    expect(error).toMatchObject({ kind: 'envelope-status', ocpiStatus: 2001 });
  });
});

describe('readSessionOrBundle (what `summary` reads)', () => {
  it('reads a bundle as the response it holds', () => {
    const raw = JSON.stringify(ocpi221Envelope());
    const read = readSessionOrBundle(createBundle(loadedFrom(raw), { appVersion: '1', redact: false }));
    expect(read.ok && read.session.ids.id).toBe('s-221');
  });

  it('passes plain input and reader errors through unchanged', () => {
    const read = readSessionOrBundle('{');
    expect(read.ok || read.error.kind).toBe('not-json');
  });

  it('reports a newer bundle as unsupported', () => {
    const read = readSessionOrBundle(bundleText({ formatVersion: '3.1' }));
    expect(read.ok || read.error.kind).toBe('unsupported-bundle');
  });
});
