/**
 * Removes tokens from text before it is written anywhere: each secret in its plain and Base64 forms, and
 * any run of 8 or more of its leading characters (a message cut mid-token still leaks its prefix).
 */
export const SCRUBBED = '[token]';
/** A shorter run of a token's first characters is too likely to be ordinary text. */
export const MIN_SECRET_PREFIX = 8;

/** The forms a token travels in: as given, and Base64 (many OCPI 2.2 servers want it encoded). */
export function secretForms(token: string): string[] {
  return [token, Buffer.from(token).toString('base64')];
}

export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) out = scrubOne(out, secret);
  return out;
}

function scrubOne(text: string, secret: string): string {
  // An empty secret would match everywhere (and never advance).
  if (secret === '') return text;
  const probe = secret.slice(0, MIN_SECRET_PREFIX);
  let out = '';
  let from = 0;
  for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, from)) {
    // Extend the match as far as the text keeps following the secret.
    let length = probe.length;
    while (length < secret.length && text[at + length] === secret[length]) length++;
    out += text.slice(from, at) + SCRUBBED;
    from = at + length;
  }
  return out + text.slice(from);
}
