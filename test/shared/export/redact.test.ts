import { describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/export/bundle';
import { readSessionFile } from '../../../shared/export/import';
import { redactLoaded } from '../../../shared/export/redact';
import { loadedFrom } from '../../fixtures/export';
import { ocpi211Session, ocpi221Envelope, ocpi221LocationEnvelope } from '../../fixtures/sessions';

const SECRETS_221 = ['012345678', 'NL-TNM-C12345678-X'];

describe('redaction', () => {
  it('replaces cdr_token.uid and contract_id in raw and derived data, keeping the rest of the text as is', () => {
    const raw = JSON.stringify(ocpi221Envelope(), null, 2);
    const loaded = loadedFrom(raw, JSON.stringify(ocpi221LocationEnvelope()));
    const red = redactLoaded(loaded);
    for (const secret of SECRETS_221) {
      expect(red.rawText).not.toContain(secret);
      expect(JSON.stringify(red.session)).not.toContain(secret);
    }
    expect(red.session.auth).toMatchObject({ id: 'REDACTED-1', contractId: 'REDACTED-2' });
    // Formatting and every other value survive: only the two string tokens changed.
    expect(red.rawText).toBe(
      raw.replace('"012345678"', '"REDACTED-1"').replace('"NL-TNM-C12345678-X"', '"REDACTED-2"'),
    );
    expect(red.rawLocationText).toBe(loaded.rawLocationText);
  });

  it('replaces auth_id and token_uid, and any other field holding the same value', () => {
    const raw = JSON.stringify(
      ocpi211Session({ auth_id: 'ABCDEF123', meter_id: 'ABCDEF123', token_uid: 'TOK-77' }),
    );
    const red = redactLoaded(loadedFrom(raw));
    const body = JSON.parse(red.rawText);
    expect(body).toMatchObject({ auth_id: 'REDACTED-1', meter_id: 'REDACTED-1', token_uid: 'REDACTED-2' });
    expect(red.session.meterId).toBe('REDACTED-1');
  });

  it('replaces an identifier sent as a number, and only under identifier keys', () => {
    const raw = JSON.stringify(ocpi211Session({ auth_id: 7, cdr_token: { uid: 7, type: 'RFID' }, kwh: 7 }));
    const red = redactLoaded(loadedFrom(raw));
    expect(JSON.parse(red.rawText)).toMatchObject({
      auth_id: 'REDACTED-1',
      cdr_token: { uid: 'REDACTED-1' },
      kwh: 7,
    });
    expect(red.session.auth.id).toBe('REDACTED-1');
  });

  it('gives the same placeholders on every export of the same session', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()));
    const opts = { appVersion: '1', redact: true, exportedAt: new Date(0) };
    expect(createBundle(loaded, opts)).toBe(createBundle(loaded, opts));
  });

  it('redacts a long secret inside other text (re-serializing the body) and in warning messages', () => {
    const raw = JSON.stringify(
      ocpi211Session({ auth_id: 'SECRET-TAG-9', remark: 'card SECRET-TAG-9 blocked' }),
    );
    const loaded = loadedFrom(raw);
    loaded.warnings = [{ path: 'auth_id', message: 'odd value "SECRET-TAG-9"' }];
    const red = redactLoaded(loaded);
    expect(red.rawText).not.toContain('SECRET-TAG-9');
    expect(JSON.parse(red.rawText).remark).toBe('card REDACTED-1 blocked');
    expect(red.warnings[0].message).toBe('odd value "REDACTED-1"');
  });

  it('catches a secret written with \\u escapes', () => {
    const raw = JSON.stringify(ocpi211Session({ auth_id: 'XYZ' })).replace('"XYZ"', '"\\u0058YZ"');
    const red = redactLoaded(loadedFrom(raw));
    expect(JSON.parse(red.rawText).auth_id).toBe('REDACTED-1');
  });

  it('a redacted bundle re-opens with the placeholders in the derived data', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()));
    const text = createBundle(loaded, { appVersion: '1', redact: true });
    for (const secret of SECRETS_221) expect(text).not.toContain(secret);
    const back = readSessionFile(text, 'r.json');
    expect(back.ok && back.value.session.auth).toMatchObject({ id: 'REDACTED-1', contractId: 'REDACTED-2' });
    expect(JSON.parse(text).redacted).toBe(true);
  });

  it('leaves a session without account ids unchanged', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi211Session({ auth_id: undefined })));
    expect(redactLoaded(loaded)).toBe(loaded);
  });
});
