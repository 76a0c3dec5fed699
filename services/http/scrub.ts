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

/** Regex sources (as text) of the short JSON escapes: `\/`, `\"` and `\\`. */
const SHORT_ESCAPES = new Map([
  [0x2f, String.raw`\\\/`],
  [0x22, String.raw`\\"`],
  [0x5c, String.raw`\\\\`],
]);

/**
 * A regex source for one UTF-16 unit in any spelling: a JSON `\u` escape (either case), a short escape,
 * or the literal. Escapes come first so a backslash in the token matches `\\` whole.
 */
function unitPattern(unit: number): string {
  const short = SHORT_ESCAPES.get(unit);
  const literal = String.raw`\u` + unit.toString(16).padStart(4, '0');
  return `(?:${String.raw`\\u`}${hexPattern(unit)}${short ? `|${short}` : ''}|${literal})`;
}

export function tokenScrubber(secrets: readonly string[]): Scrubber {
  const forms = formsOf(secrets).map((form) => {
    const units = Array.from({ length: form.length }, (_, i) => form.charCodeAt(i));
    const head = units.slice(0, Math.min(MIN_PREFIX, units.length));
    return {
      head: new RegExp(head.map(unitPattern).join(''), 'g'),
      literal: form.slice(0, head.length),
      // The rest of the token, one sticky regex per unit: a cut or a shortened echo ends anywhere.
      tail: units.slice(head.length).map((unit) => new RegExp(unitPattern(unit), 'y')),
    };
  });
  return (text) => {
    let out = text;
    for (const { head, literal, tail } of forms) {
      // Fast path: without a backslash only the literal spelling can occur, and a substring search is cheap.
      if (!out.includes(literal) && !out.includes('\\')) continue;
      let result = '';
      let last = 0;
      head.lastIndex = 0;
      for (let m = head.exec(out); m !== null; m = head.exec(out)) {
        let end = m.index + m[0].length;
        for (const unit of tail) {
          unit.lastIndex = end;
          const next = unit.exec(out);
          if (next === null) break;
          end += next[0].length;
        }
        result += out.slice(last, m.index) + REDACTED;
        last = end;
        head.lastIndex = end;
      }
      out = result + out.slice(last);
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
