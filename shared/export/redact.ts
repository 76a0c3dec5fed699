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

type Placeholders = Map<string, string>;

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

/** Identifiers usually are strings; a number or boolean sent in their place is a secret all the same. */
function add(placeholders: Placeholders, value: unknown): void {
  const key = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  if (typeof key === 'string' && key !== '' && !placeholders.has(key))
    placeholders.set(key, `REDACTED-${placeholders.size + 1}`);
}

/** Whether `key` (inside an object found under `parentKey`) names an identifier to redact. */
const isSecretKey = (key: string, parentKey: string | null): boolean =>
  SECRET_KEYS.has(key) || (parentKey === 'cdr_token' && key === 'uid');

/** Finds the identifiers in document order, so the numbering is the same on every export. */
function collectSecrets(value: unknown, placeholders: Placeholders, parentKey: string | null = null): void {
  if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, placeholders, null);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (isSecretKey(key, parentKey)) add(placeholders, child);
      collectSecrets(child, placeholders, key);
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

/**
 * Deep copy with every string redacted, and identifiers sent as numbers or booleans replaced too.
 * Typed arrays are numbers only and are shared, not copied.
 */
function redactValue(
  value: unknown,
  placeholders: Placeholders,
  key: string | null = null,
  parentKey: string | null = null,
): unknown {
  if (typeof value === 'string') return replaceInText(value, placeholders);
  if (
    (typeof value === 'number' || typeof value === 'boolean') &&
    key !== null &&
    isSecretKey(key, parentKey)
  )
    return placeholders.get(String(value)) ?? value;
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v, placeholders));
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value))
      out[childKey] = redactValue(child, placeholders, childKey, key);
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
  if (!text.includes('\\u') && !hasPartialMatch(tree, placeholders) && !hasNonStringSecret(tree, null)) {
    let out = text;
    for (const [secret, placeholder] of placeholders) {
      const token = JSON.stringify(secret);
      if (out.includes(token)) out = out.split(token).join(JSON.stringify(placeholder));
    }
    return out;
  }
  return JSON.stringify(redactValue(tree, placeholders), null, 2);
}

/** True when an identifier is sent as a number or boolean, which only re-serializing can replace. */
function hasNonStringSecret(value: unknown, parentKey: string | null): boolean {
  if (Array.isArray(value)) return value.some((v: unknown) => hasNonStringSecret(v, null));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(
    ([k, v]) =>
      (isSecretKey(k, parentKey) && (typeof v === 'number' || typeof v === 'boolean')) ||
      hasNonStringSecret(v, k),
  );
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
