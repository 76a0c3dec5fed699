import { describe, expect, it } from 'vitest';
import { checkJsonBody } from '../../../services/http/http-errors';
import {
  envelopeClass,
  envelopeErrorOf,
  envelopePayload,
  openEnvelope,
} from '../../../shared/session/envelope';
import { readSession } from '../../../shared/session/read-session';

const session = { id: 's-1', start_date_time: '2024-03-01T10:00:00Z', kwh: 1, status: 'COMPLETED' };
/** `data` as given; pass `NO_DATA` for an envelope without the key. */
const NO_DATA = Symbol('no data');
const envelope = (status_code: unknown, status_message?: string, data: unknown = session) => ({
  status_code,
  ...(status_message === undefined ? {} : { status_message }),
  timestamp: '2024-03-01T11:00:00Z',
  ...(data === NO_DATA ? {} : { data }),
});

describe('the OCPI envelope, one rule for the client and the reader', () => {
  it('1000: the data is read, with no warning about the status', () => {
    const opened = openEnvelope(envelope(1000, 'Success'), 'session');
    expect(opened).toEqual({ ok: true, data: session, path: 'data', warnings: [] });
    expect(checkJsonBody(JSON.stringify(envelope(1000, 'Success')), 200, 'application/json').ok).toBe(true);
    const read = readSession(envelope(1000, 'Success'));
    expect(read.ok && read.warnings.filter((w) => w.path === 'status_code')).toEqual([]);
  });

  it('1001: the data is read, and the code shows as a warning with its message', () => {
    const body = envelope(1001, 'Success, some fields omitted');
    expect(checkJsonBody(JSON.stringify(body), 200, 'application/json').ok).toBe(true);
    const read = readSession(body);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.session.ids.id).toBe('s-1');
    expect(read.warnings).toContainEqual({
      path: 'status_code',
      message: expect.stringMatching(
        /OCPI status 1001 \(success\): "Success, some fields omitted".*read anyway/,
      ),
    });
  });

  it('1999 is still success; 2000 is not', () => {
    expect(envelopeClass(1999)).toBe('success');
    expect(envelopeClass(2000)).toBe('client-error');
    expect(envelopeClass(999)).toBe('unknown');
    expect(envelopeClass(null)).toBe('unknown');
  });

  it.each([
    [2003, 'client-error', /client error/, /OCPI 2xxx/],
    [3000, 'server-error', /server error/, /OCPI 3xxx/],
    [4001, 'hub-error', /hub error/, /OCPI 4xxx/],
  ])('%i is an error with the code and the message', (code, cls, word, hint) => {
    expect(envelopeClass(code)).toBe(cls);
    const body = envelope(code, 'It went wrong', NO_DATA);
    const http = checkJsonBody(JSON.stringify(body), 200, 'application/json');
    expect(http.ok ? null : http.error).toMatchObject({
      kind: 'envelope-status',
      status: 200,
      ocpiStatus: code,
      message: expect.stringMatching(new RegExp(`OCPI status ${code} .*It went wrong`)),
      hint: expect.stringMatching(hint),
    });
    const read = readSession(body);
    expect(read.ok ? null : read.error).toMatchObject({
      kind: 'envelope-status',
      statusCode: code,
      statusMessage: 'It went wrong',
      message: expect.stringMatching(word),
    });
  });

  it('a success without data is an error, in every spelling of "no data"', () => {
    for (const data of [NO_DATA, null, [], 'x', [1]]) {
      const opened = openEnvelope(envelope(1000, 'Success', data), 'session');
      expect(opened.ok ? null : opened.error.kind).toBe('envelope-no-data');
      const read = readSession(envelope(1000, 'Success', data));
      expect(read.ok ? null : read.error.kind).toBe('envelope-no-data');
    }
  });

  it('a missing or unreadable code is an error, not a success', () => {
    expect(envelopeErrorOf({ status_code: null, data: session })?.kind).toBe('envelope-status');
    expect(envelopeErrorOf({ status_code: 'ok', data: session })?.message).toMatch(/"ok"/);
    expect(readSession({ status_code: 'ok', data: session }).ok).toBe(false);
  });

  it('a code sent as text is compared as a number, with a warning', () => {
    const read = readSession(envelope('1000', 'Success'));
    expect(read.ok && read.warnings.some((w) => /sent as text/.test(w.message))).toBe(true);
    expect(envelopeErrorOf(envelope('3000', 'x'))?.ocpiStatus).toBe(3000);
  });

  it('a bare session is not an envelope, even with a status_code beside its kwh', () => {
    expect(envelopeErrorOf(session)).toBeNull();
    expect(envelopeErrorOf({ ...session, status_code: 2000 })).toBeNull();
    expect(openEnvelope(session, 'session')).toMatchObject({ ok: true, path: '' });
  });

  it('the payload of a list endpoint is its data as sent, an empty list included; a bare body is itself', () => {
    expect(envelopePayload(envelope(1000, 'Success', []))).toEqual([]);
    expect(envelopePayload(envelope(1001, 'Success', [session]))).toEqual([session]);
    expect(envelopePayload(session)).toBe(session);
  });

  it('a Location envelope with 1001 keeps the Location and warns at the location path', () => {
    const loc = { id: 'L1', name: 'Site', evses: [] };
    const read = readSession({ ...session, location_id: 'L1' }, { location: envelope(1001, 'partial', loc) });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.session.location?.id).toBe('L1');
    expect(read.warnings.some((w) => w.path === 'location.status_code' && /1001/.test(w.message))).toBe(true);
  });
});
