/**
 * Redaction for shared exports: the driver's account identifiers (`auth_id`, `cdr_token.uid`, `token_uid`,
 * `contract_id`) and every other string equal to one of them become stable placeholders (`REDACTED-1`, …),
 * the same value always getting the same placeholder, in the raw bodies and in the derived data.
 */
import type { LoadedSession } from '../domain/loaded-session';
import type { NormalizedSession } from '../session/types';

/** Keys whose string value identifies the driver's account or token, wherever they appear. */
const SECRET_KEYS = new Set(['auth_id', 'contract_id', 'token_uid', 'authId', 'contractId', 'tokenUid']);
/** Shorter values are replaced only where they are a whole value, never inside other text. */
const MIN_SUBSTRING_LENGTH = 6;

export type Placeholders = Map<string, string>;

export function redactLoaded(loaded: LoadedSession): LoadedSession {
  const placeholders: Placeholders = new Map();
  const trees = [loaded.rawText, loaded.rawLocationText].map(parseOrUndefined);
  for (const tree of trees) collectSecrets(tree, placeholders);
  for (const value of [loaded.session.auth.id, loaded.session.auth.contractId]) add(placeholders, value);
  if (placeholders.size === 0) return loaded;
  const redactText = (text: string): string => replaceInText(text, placeholders);
  return {
    ...loaded,
    rawText: redactRaw(loaded.rawText, trees[0], placeholders),
    rawLocationText:
      loaded.rawLocationText === null ? null : redactRaw(loaded.rawLocationText, trees[1], placeholders),
    session: redactValue(loaded.session, placeholders) as NormalizedSession,
    warnings: loaded.warnings.map((w) => ({ path: w.path, message: redactText(w.message) })),
    checks: loaded.checks.map((c) => ({ ...c, message: redactText(c.message) })),
  };
}

function parseOrUndefined(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}

function add(placeholders: Placeholders, value: unknown): void {
  if (typeof value === 'string' && value !== '' && !placeholders.has(value))
    placeholders.set(value, `REDACTED-${placeholders.size + 1}`);
}

/** Finds the identifiers in document order, so the numbering is the same on every export. */
export function collectSecrets(value: unknown, placeholders: Placeholders): void {
  if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, placeholders);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (SECRET_KEYS.has(key)) add(placeholders, child);
      else if (key === 'cdr_token' && typeof child === 'object' && child !== null)
        add(placeholders, (child as Record<string, unknown>).uid);
      collectSecrets(child, placeholders);
    }
  }
}

/** Replaces secrets in one piece of text: whole occurrences of long values, and exact matches of any. */
function replaceInText(text: string, placeholders: Placeholders): string {
  const exact = placeholders.get(text);
  if (exact !== undefined) return exact;
  let out = text;
  for (const [secret, placeholder] of placeholders)
    if (secret.length >= MIN_SUBSTRING_LENGTH && out.includes(secret))
      out = out.split(secret).join(placeholder);
  return out;
}

/** Deep copy with every string redacted; typed arrays are numbers only and are shared, not copied. */
function redactValue(value: unknown, placeholders: Placeholders): unknown {
  if (typeof value === 'string') return replaceInText(value, placeholders);
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v, placeholders));
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = redactValue(child, placeholders);
    return out;
  }
  return value;
}

/**
 * Redacts a raw body while keeping its formatting: whole string tokens are swapped in the text. When that
 * cannot be trusted (escaped characters, a secret inside a longer string, unparseable text), the parsed
 * body is re-serialized instead, or, for text that is not JSON, redacted as plain text.
 */
function redactRaw(text: string, tree: unknown, placeholders: Placeholders): string {
  if (tree === undefined) return replaceInText(text, placeholders);
  if (!text.includes('\\u') && !hasPartialMatch(tree, placeholders)) {
    let out = text;
    for (const [secret, placeholder] of placeholders) {
      const token = JSON.stringify(secret);
      if (out.includes(token)) out = out.split(token).join(JSON.stringify(placeholder));
    }
    return out;
  }
  return JSON.stringify(redactValue(tree, placeholders), null, 2);
}

/** True when some string holds a long secret without being equal to it. */
function hasPartialMatch(value: unknown, placeholders: Placeholders): boolean {
  if (typeof value === 'string') {
    if (placeholders.has(value)) return false;
    for (const secret of placeholders.keys())
      if (secret.length >= MIN_SUBSTRING_LENGTH && value.includes(secret)) return true;
    return false;
  }
  if (Array.isArray(value)) return value.some((v: unknown) => hasPartialMatch(v, placeholders));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).some(
      ([k, v]) => hasPartialMatch(k, placeholders) || hasPartialMatch(v, placeholders),
    );
  return false;
}
