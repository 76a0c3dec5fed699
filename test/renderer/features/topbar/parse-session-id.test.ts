import { describe, expect, it } from 'vitest';
import { parseSessionId } from '../../../../renderer/src/features/topbar/parse-session-id';

describe('parseSessionId', () => {
  it('keeps a bare id, trimmed', () => {
    expect(parseSessionId('  abc-123 ')).toBe('abc-123');
  });
  it('takes the id from a sessions URL, ignoring query and fragment', () => {
    expect(parseSessionId('https://api.example.com/ocpi/2.2.1/sessions/BE/BEC/s-9?x=1#top')).toBe('s-9');
    expect(parseSessionId('https://host/api/v1/sessions/724615825/')).toBe('724615825');
  });
  it('for an OCPI profile, keeps country and party of a Receiver URL as CC/PARTY/ID (issue 11)', () => {
    const ocpi = { receiverRef: true };
    expect(parseSessionId('https://api.example.com/ocpi/2.2.1/sessions/BE/BEC/s-9?x=1#top', ocpi)).toBe(
      'BE/BEC/s-9',
    );
    expect(parseSessionId('https://h/ocpi/emsp/2.2.1/sessions/NL/SIN/a%20b', ocpi)).toBe('NL/SIN/a b');
    // Four segments after sessions is not a Receiver path: the last segment, as before.
    expect(parseSessionId('https://h/sessions/a/b/c/d', ocpi)).toBe('d');
    expect(parseSessionId('https://h/api/v1/sessions/724615825', ocpi)).toBe('724615825');
  });
  it('decodes the last segment', () => {
    expect(parseSessionId('https://h/sessions/a%2Fb%20c')).toBe('a/b c');
  });
  it('keeps a segment with a broken escape as typed', () => {
    expect(parseSessionId('https://h/sessions/50%')).toBe('50%');
  });
  it('gives an empty id for a URL with no path', () => {
    expect(parseSessionId('https://host/')).toBe('');
  });
  it('does not treat an id containing a colon as a URL', () => {
    expect(parseSessionId('urn:abc')).toBe('urn:abc');
  });
});
