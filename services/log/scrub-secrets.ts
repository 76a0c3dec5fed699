/**
 * Removes tokens from text before it is written anywhere: each secret in its plain and Base64 forms, and
 * any run of 8 or more of its leading characters (a message cut mid-token still leaks its prefix).
 */
export const SCRUBBED = '[token]';
/** A shorter run of a token's first characters is too likely to be ordinary text. */
export const MIN_SECRET_PREFIX = 8;

/** The forms a token travels in: as given, and Base64 (many OCPI 2.2 servers want it encoded). */
export function secretForms(token: string): string[] {
  const forms = [token, Buffer.from(token, 'utf8').toString('base64')];
  return forms.filter((form) => form.length > 0);
}

export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) out = scrubOne(out, secret);
  return out;
}

function scrubOne(text: string, secret: string): string {
  const probe = secret.slice(0, Math.min(secret.length, MIN_SECRET_PREFIX));
  if (probe === '') return text;
  let out = '';
  let from = 0;
  for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, from)) {
    // Extend the match as far as the text keeps following the secret.
    let end = at + probe.length;
    while (end < text.length && end - at < secret.length && text[end] === secret[end - at]) end++;
    out += text.slice(from, at) + SCRUBBED;
    from = end;
  }
  return out + text.slice(from);
}
