/**
 * RFC 8288 `Link` header: `<url>; rel="next"; title="a, b", <url2>; rel=prev`. Several links may share one
 * header (servers and proxies join repeated headers with commas), parameters may be quoted, `rel` may list
 * several relation types. OCPI pages are followed by `rel="next"`.
 */

export interface LinkValue {
  /** The target as written (resolve it against the request URL). */
  target: string;
  /** Parameter names are case-insensitive: stored lower-case. */
  params: Map<string, string>;
}

export function parseLinkHeader(header: string): LinkValue[] {
  const links: LinkValue[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = (): void => {
    while (i < n && /\s/.test(header[i])) i++;
  };
  while (i < n) {
    skipSpace();
    if (header[i] === ',') {
      i++;
      continue;
    }
    if (header[i] !== '<') {
      // Not a link value: skip to the next comma outside quotes.
      skipValue();
      continue;
    }
    const close = header.indexOf('>', i);
    if (close < 0) break;
    const target = header.slice(i + 1, close).trim();
    i = close + 1;
    const params = new Map<string, string>();
    for (;;) {
      skipSpace();
      if (header[i] !== ';') break;
      i++;
      skipSpace();
      const nameStart = i;
      while (i < n && !/[\s=;,]/.test(header[i])) i++;
      const name = header.slice(nameStart, i).toLowerCase();
      skipSpace();
      let value = '';
      if (header[i] === '=') {
        i++;
        skipSpace();
        if (header[i] === '"') {
          i++;
          while (i < n && header[i] !== '"') {
            if (header[i] === '\\' && i + 1 < n) i++;
            value += header[i++];
          }
          i++;
        } else {
          const start = i;
          while (i < n && !/[;,]/.test(header[i])) i++;
          value = header.slice(start, i).trim();
        }
      }
      // The first occurrence of a parameter wins (RFC 8288 §3).
      if (name && !params.has(name)) params.set(name, value);
    }
    links.push({ target, params });
  }
  return links;

  function skipValue(): void {
    let quoted = false;
    while (i < n) {
      const c = header[i];
      if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) return;
      i++;
    }
  }
}

/** The absolute URL of the `rel="next"` link, resolved against the page's URL; null when there is none. */
export function nextLinkUrl(header: string | undefined, pageUrl: string): string | null {
  if (!header) return null;
  for (const link of parseLinkHeader(header)) {
    const rels = (link.params.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('next')) continue;
    try {
      return new URL(link.target, pageUrl).href;
    } catch {
      return null;
    }
  }
  return null;
}
