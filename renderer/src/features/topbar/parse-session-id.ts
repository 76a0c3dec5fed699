/**
 * What the id field accepts: a bare session id, or a pasted URL (`…/sessions/{id}`, or any URL: its last
 * non-empty path segment, percent-decoded). With `receiverRef` (an OCPI profile), a Receiver URL
 * `…/sessions/{cc}/{party}/{id}` keeps its country and party as `CC/PARTY/ID`, which the profile GETs by. Query strings and fragments are ignored.
 */
export function parseSessionId(input: string, opts: { receiverRef?: boolean } = {}): string {
  const text = input.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  let path: string;
  try {
    path = new URL(text).pathname;
  } catch {
    return text;
  }
  const segments = path.split('/').filter((s) => s !== '');
  const afterSessions = segments.slice(segments.lastIndexOf('sessions') + 1);
  if (opts.receiverRef && segments.includes('sessions') && afterSessions.length === 3) {
    try {
      return afterSessions.map((s) => decodeURIComponent(s)).join('/');
    } catch {
      return afterSessions.join('/');
    }
  }
  const last = segments[segments.length - 1];
  if (last === undefined) return '';
  try {
    return decodeURIComponent(last);
  } catch {
    // A lone `%` is not an escape; keep the segment as typed.
    return last;
  }
}
