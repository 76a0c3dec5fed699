/**
 * Hides the token in text a server sent back. Applied by the GET client to every response header and
 * body as it arrives, before anything cuts, parses or stores it, so no message, warning, bundle or export
 * can carry it. Covers the token as sent and in Base64, JSON-escaped spellings (`\/`, `\u0041`), and any
 * prefix of 8 characters or more (a server or a cut that shortens it still leaks nothing useful).
 */

export const REDACTED = '[redacted]';
/** Shorter prefixes are too common to hide without mangling ordinary text. */
export const MIN_PREFIX = 8;
/** Shorter secrets are not hidden at all (a 3-letter token would blank every word containing it). */
const MIN_SECRET = 4;

export type Scrubber = (text: string) => string;

export const noScrubbing: Scrubber = (text) => text;

/** The forms in which `secrets` may come back: each as given and in Base64. */
function formsOf(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET) continue;
    forms.add(secret);
    forms.add(Buffer.from(secret, 'utf8').toString('base64'));
  }
  return [...forms];
}

const hexPattern = (unit: number): string =>
  unit
    .toString(16)
    .padStart(4, '0')
    .replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);

/** A regex source for one UTF-16 unit, literally or as a JSON escape. */
function unitPattern(unit: number): string {
  const literal = `\\u${unit.toString(16).padStart(4, '0')}`;
  const extra = unit === 0x2f ? '|\\\\/' : unit === 0x22 ? '|\\\\"' : unit === 0x5c ? '|\\\\\\\\' : '';
  return `(?:${literal}|\\\\u${hexPattern(unit)}${extra})`;
}

/** Length of the spelling of `unit` at `pos` in `text` (a JSON escape first, then the literal), or 0. */
function unitAt(text: string, pos: number, unit: number): number {
  const c = text.charCodeAt(pos);
  if (c === 0x5c) {
    const next = text.charCodeAt(pos + 1);
    if (next === unit && (unit === 0x2f || unit === 0x22 || unit === 0x5c)) return 2;
    const hex = text.slice(pos + 2, pos + 6);
    if (next === 0x75 && /^[0-9a-f]{4}$/i.test(hex) && Number.parseInt(hex, 16) === unit) return 6;
  }
  return c === unit ? 1 : 0;
}

export function tokenScrubber(secrets: readonly string[]): Scrubber {
  const forms = formsOf(secrets).map((form) => {
    const units = Array.from({ length: form.length }, (_, i) => form.charCodeAt(i));
    const head = units.slice(0, Math.min(MIN_PREFIX, units.length));
    return {
      units,
      head: new RegExp(head.map(unitPattern).join(''), 'g'),
      literal: form.slice(0, head.length),
    };
  });
  if (forms.length === 0) return noScrubbing;
  return (text) => {
    let out = text;
    for (const { units, head, literal } of forms) {
      // Fast path: without a backslash only the literal spelling can occur, and a substring search is cheap.
      if (!out.includes(literal) && !out.includes('\\')) continue;
      let result = '';
      let last = 0;
      head.lastIndex = 0;
      for (let m = head.exec(out); m !== null; m = head.exec(out)) {
        let end = m.index + m[0].length;
        let matched = Math.min(MIN_PREFIX, units.length);
        // A whole secret shorter than the prefix rule must match whole (the head regex ensured that).
        for (; matched < units.length; matched++) {
          const n = unitAt(out, end, units[matched]);
          if (n === 0) break;
          end += n;
        }
        result += out.slice(last, m.index) + REDACTED;
        last = end;
        head.lastIndex = end;
      }
      if (last > 0) out = result + out.slice(last);
    }
    return out;
  };
}

/** Every header value scrubbed (names are the client's own lower-case keys). */
export function scrubHeaders(
  headers: Record<string, string | undefined>,
  scrub: Scrubber,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (const [name, value] of Object.entries(headers)) out[name] = value === undefined ? value : scrub(value);
  return out;
}
