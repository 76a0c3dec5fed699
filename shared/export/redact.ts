/**
 * Redaction for shared exports: the driver's account identifiers and every other occurrence of them become
 * stable placeholders (`REDACTED-1`, …), the same value always getting the same placeholder, in the raw
 * bodies and in the derived data.
 *
 * The raw bodies are redacted over their JSON tokens, not by searching the text for the values: a key sent
 * twice (which `JSON.parse` keeps only the last of), `\/` or `\u` escapes and any spelling of a key are seen
 * as the reader would see them, and the scanner keeps its own stack, so any nesting depth works. Only the
 * tokens that change are rewritten; the rest of the body keeps its exact formatting.
 */
import type { FetchMeta, LoadedSession, SessionSource } from '../domain/loaded-session';
import type { NormalizedSession } from '../session/types';

/**
 * Keys (lower case, without `_` and `-`, so `AUTH_ID`, `Contract_Id` and `contractId` match) whose value
 * identifies the driver: the token uid (`auth_id` in 2.1.1, `token_uid`, OCPP's `id_tag`), the contract
 * (eMA) id under its OCPI and ISO 15118 names, the number printed on the card, and the group id that ties a
 * driver's card and key fob together. Not `authorization_reference`: it names one authorisation, not a driver.
 */
const ID_KEYS = new Set(['authid', 'tokenuid', 'idtag', 'contractid', 'emaid', 'visualnumber', 'groupid']);
/** `uid` is an identifier only inside a token (`cdr_token` in 2.2+, a Token object); elsewhere it is an EVSE's. */
const TOKEN_KEYS = new Set(['cdrtoken', 'token']);
/** Ids this long are replaced anywhere, even inside a longer word. */
const MIN_SUBSTRING_LENGTH = 6;
/**
 * Shorter ids are replaced inside text only as a whole word, and ids under 3 characters not at all (they
 * would match ordinary words and numbers); an id of any length is replaced where it is a whole value.
 */
const MIN_WORD_LENGTH = 3;

const normalizeKey = (key: string): string => key.toLowerCase().replace(/[_-]/g, '');

/** Whether a key of the derived data names an identifier (the reader's own keys hold no token `uid`). */
const isIdKey = (key: string | null): boolean => key !== null && ID_KEYS.has(normalizeKey(key));

class Placeholders {
  readonly byValue = new Map<string, string>();
  private pattern: RegExp | null | undefined;

  add(value: string | null): void {
    if (value === null || value === '' || this.byValue.has(value)) return;
    this.byValue.set(value, `REDACTED-${this.byValue.size + 1}`);
    this.pattern = undefined;
  }

  get size(): number {
    return this.byValue.size;
  }

  /** One pattern for every id, longest first, so a single pass never re-matches inside a placeholder. */
  private textPattern(): RegExp | null {
    if (this.pattern !== undefined) return this.pattern;
    const alternatives = [...this.byValue.keys()]
      .filter((s) => s.length >= MIN_WORD_LENGTH)
      .sort((a, b) => b.length - a.length)
      .map((s) => {
        const escaped = s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
        // A whole word: no letter or digit beside it, nor a number it would be part of (`2024-06`, `1.5`).
        return s.length >= MIN_SUBSTRING_LENGTH
          ? escaped
          : `(?<![\\p{L}\\p{N}]|\\p{N}[.,:-])${escaped}(?![\\p{L}\\p{N}]|[.,:-]\\p{N})`;
      });
    this.pattern = alternatives.length === 0 ? null : new RegExp(alternatives.join('|'), 'gu');
    return this.pattern;
  }

  /** One piece of text with its ids replaced: a whole value of any length, or ids inside it. */
  text(value: string): string {
    const exact = this.byValue.get(value);
    if (exact !== undefined) return exact;
    const pattern = this.textPattern();
    if (pattern === null) return value;
    return value.replace(pattern, (found) => this.byValue.get(found) ?? found);
  }

  /** A number outside an id field: replaced only when it spells an id long enough not to be a measurement. */
  number(raw: string): string | undefined {
    return raw.length >= MIN_SUBSTRING_LENGTH ? this.byValue.get(raw) : undefined;
  }

  /** Where the text pattern matches in `text`, in order: the only places a long or word id can be. */
  hitsIn(text: string): number[] {
    const pattern = this.textPattern();
    const hits: number[] = [];
    if (pattern === null) return hits;
    for (const m of text.matchAll(pattern)) hits.push(m.index);
    return hits;
  }

  /** The longest id the text pattern does not search for (it is replaced only as a whole value), or -1. */
  longestUnsearched(): number {
    let longest = -1;
    for (const s of this.byValue.keys())
      if (s.length < MIN_WORD_LENGTH) longest = Math.max(longest, s.length);
    return longest;
  }
}

export function redactLoaded(loaded: LoadedSession): LoadedSession {
  const placeholders = new Placeholders();
  const billing = loaded.billing;
  // The attached CDR and tariffs are tokenized JSON text too: their cdr_token / auth ids are collected and
  // rewritten like the response's.
  const billingTexts = billing ? [billing.cdrText, ...billing.tariffTexts.map((t) => t.text)] : [];
  const texts = [loaded.rawText, loaded.rawLocationText, ...billingTexts];
  const parsedOk = texts.map((text) => text !== null && collectIds(text, placeholders));
  placeholders.add(loaded.session.auth.id);
  placeholders.add(loaded.session.auth.contractId);
  placeholders.add(billing?.cdr?.auth.id ?? null);
  placeholders.add(billing?.cdr?.auth.contractId ?? null);
  if (placeholders.size === 0) return loaded;
  const redactBody = (text: string, ok: boolean): string =>
    ok ? rewriteJson(text, placeholders) : placeholders.text(text);
  const redactedBilling = billing && {
    ...(redactValue(billing, placeholders) as typeof billing),
    cdrText: billing.cdrText === null ? null : redactBody(billing.cdrText, parsedOk[2]),
    tariffTexts: billing.tariffTexts.map((t, i) => ({ ...t, text: redactBody(t.text, parsedOk[3 + i]) })),
  };
  return {
    ...loaded,
    source: redactSource(loaded.source, placeholders),
    rawText: redactBody(loaded.rawText, parsedOk[0]),
    rawLocationText: loaded.rawLocationText === null ? null : redactBody(loaded.rawLocationText, parsedOk[1]),
    session: redactValue(loaded.session, placeholders) as NormalizedSession,
    warnings: loaded.warnings.map((w) => ({ path: w.path, message: placeholders.text(w.message) })),
    checks: loaded.checks.map((c) => ({ ...c, message: placeholders.text(c.message) })),
    ...(redactedBilling ? { billing: redactedBilling } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The JSON scanner

type ScalarKind = 'string' | 'number' | 'literal';

/**
 * One string (an object key too), number or literal. `start`/`end` span the token, quotes included;
 * `isId` says it is the value of an identifier key, or anywhere inside a container under one.
 */
type Visit = (kind: ScalarKind, start: number, end: number, isId: boolean) => void;

interface Frame {
  isObject: boolean;
  /** Everything inside is an identifier (the container is the value of an identifier key). */
  isId: boolean;
  /** The container is a token (`cdr_token`), whose `uid` is an identifier. */
  isToken: boolean;
  expectKey: boolean;
  /** The current member's value is an identifier. */
  memberIsId: boolean;
  memberIsToken: boolean;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** A string token's text: sliced when it has no escape, else decoded by the engine's own JSON parser. */
function tokenValue(text: string, kind: ScalarKind, start: number, end: number): string {
  if (kind !== 'string') return text.slice(start, end);
  const body = text.slice(start + 1, end - 1);
  return body.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : body;
}

/**
 * Walks the JSON tokens of `text`, calling `visit` for every value that is not a container. Returns false
 * when the text is not JSON. The stack is an array, so depth costs memory, never recursion.
 */
function scanJson(text: string, visit: Visit): boolean {
  const stack: Frame[] = [];
  /** Normalized keys seen in this body: a payload repeats the same few keys many times. */
  const keyKinds = new Map<string, string>();
  const normalized = (key: string): string => {
    let k = keyKinds.get(key);
    if (k === undefined) keyKinds.set(key, (k = normalizeKey(key)));
    return k;
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let sawValue = false;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i++;
      continue;
    }
    const top = stack.length === 0 ? null : stack[stack.length - 1];
    if (c === 0x7b || c === 0x5b) {
      const inherited = top !== null && (top.isObject ? top.memberIsId : top.isId);
      const isToken = top !== null && (top.isObject ? top.memberIsToken : top.isToken);
      const isObject = c === 0x7b;
      stack.push({
        isObject,
        isId: inherited,
        isToken,
        expectKey: isObject,
        memberIsId: inherited,
        memberIsToken: false,
      });
      sawValue = true;
      i++;
      continue;
    }
    if (c === 0x7d || c === 0x5d) {
      if (top === null || top.isObject !== (c === 0x7d)) return false;
      stack.pop();
      i++;
      continue;
    }
    if (c === 0x3a || c === 0x2c) {
      if (top === null) return false;
      if (c === 0x2c && top.isObject) top.expectKey = true;
      i++;
      continue;
    }
    const start = i;
    let kind: ScalarKind;
    if (c === 0x22) {
      i = stringEnd(text, i);
      if (i < 0) return false;
      kind = 'string';
    } else {
      const pattern = c === 0x2d || (c >= 0x30 && c <= 0x39) ? NUMBER : LITERAL;
      pattern.lastIndex = i;
      const m = pattern.exec(text);
      if (m === null) return false;
      i += m[0].length;
      kind = pattern === NUMBER ? 'number' : 'literal';
    }
    sawValue = true;
    if (top !== null && top.isObject && top.expectKey) {
      if (kind !== 'string') return false;
      const key = normalized(tokenValue(text, kind, start, i));
      top.expectKey = false;
      top.memberIsId = top.isId || ID_KEYS.has(key) || (key === 'uid' && top.isToken);
      top.memberIsToken = TOKEN_KEYS.has(key);
      // A key is text too: it may spell an id.
      visit(kind, start, i, false);
      continue;
    }
    visit(kind, start, i, top !== null && (top.isObject ? top.memberIsId : top.isId));
  }
  return sawValue && stack.length === 0;
}

/**
 * The index just after the closing quote of the string starting at `i`, or -1 when it is not a valid JSON
 * string (a raw control character, an unknown escape), so decoding a scanned string never fails.
 */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -1;
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else return -1;
    }
  }
  return -1;
}

/** Collects the ids of a body in document order, so the numbering is the same on every export. */
function collectIds(text: string, placeholders: Placeholders): boolean {
  return scanJson(text, (kind, start, end, isId) => {
    if (!isId) return;
    // The reader takes an id sent as a number or boolean as its text, so that text is the secret.
    const value = tokenValue(text, kind, start, end);
    if (value !== 'null') placeholders.add(value);
  });
}

/**
 * The body with every token that holds an id rewritten, and every other byte as it was. One search of the
 * whole text finds where ids may be, so only the tokens around a hit, with an escape, or short enough to
 * equal a short id are decoded and checked.
 */
function rewriteJson(text: string, placeholders: Placeholders): string {
  const hits = placeholders.hitsIn(text);
  const longestShort = placeholders.longestUnsearched();
  let h = 0;
  /** The next backslash at or after the current token, found once per stretch of text. */
  let backslash = -1;
  const parts: string[] = [];
  let last = 0;
  scanJson(text, (kind, start, end, isId) => {
    while (h < hits.length && hits[h] < start) h++;
    const hit = h < hits.length && hits[h] < end;
    let replacement: string | undefined;
    if (isId) {
      const red = placeholders.byValue.get(tokenValue(text, kind, start, end));
      if (red !== undefined) replacement = JSON.stringify(red);
    } else if (kind === 'string') {
      if (backslash < start) backslash = text.indexOf('\\', start) >>> 0; // -1 becomes "never"
      const escaped = backslash < end;
      if (hit || escaped || end - start - 2 <= longestShort) {
        const value = tokenValue(text, kind, start, end);
        const red = placeholders.text(value);
        if (red !== value) replacement = JSON.stringify(red);
      }
    } else if (kind === 'number' && hit) {
      const red = placeholders.number(text.slice(start, end));
      if (red !== undefined) replacement = JSON.stringify(red);
    }
    if (replacement === undefined) return;
    parts.push(text.slice(last, start), replacement);
    last = end;
  });
  parts.push(text.slice(last));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------------------
// Derived data

/** The file name and the recorded URLs and server ids; the kind and flavour are the app's own words. */
function redactSource(source: SessionSource, placeholders: Placeholders): SessionSource {
  const one = (m: FetchMeta): FetchMeta => redactValue(m, placeholders) as FetchMeta;
  const meta = (m: FetchMeta | null): FetchMeta | null => (m === null ? null : one(m));
  return {
    ...source,
    fileName: source.fileName === null ? null : placeholders.text(source.fileName),
    fetch: meta(source.fetch),
    locationFetch: meta(source.locationFetch),
    ...(source.requests ? { requests: source.requests.map(one) } : {}),
  };
}

/**
 * Deep copy with every string redacted, and identifiers the reader kept as numbers replaced too. Typed
 * arrays are numbers only and are shared, not copied. The derived data has the reader's fixed shape, so
 * recursion depth is bounded by it.
 */
function redactValue(value: unknown, placeholders: Placeholders, key: string | null = null): unknown {
  if (typeof value === 'string') return placeholders.text(value);
  if ((typeof value === 'number' || typeof value === 'boolean') && isIdKey(key))
    return placeholders.byValue.get(String(value)) ?? value;
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v, placeholders, key));
  if (value instanceof Map)
    return new Map([...value].map(([k, v]: [unknown, unknown]) => [k, redactValue(v, placeholders)]));
  const out: object = Object.create(Object.getPrototypeOf(value) as object | null) as object;
  for (const [childKey, child] of Object.entries(value))
    // defineProperty: a key from data (`__proto__`) stays a plain property of the copy.
    Object.defineProperty(out, childKey, {
      value: redactValue(child, placeholders, childKey),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}
