import { describe, expect, it } from 'vitest';
import { nextLinkUrl, parseLinkHeader } from '../../../shared/ocpi/link-header';

describe('Link header', () => {
  it('finds rel="next" among several links with quoted parameters', () => {
    const h = '<https://s/p?c=1>; rel="prev"; title="a, b; c", <https://s/p?cursor=ab%3D>; rel="next"';
    expect(nextLinkUrl(h, 'https://s/p')).toBe('https://s/p?cursor=ab%3D');
    const links = parseLinkHeader(h);
    expect(links[0].params.get('title')).toBe('a, b; c');
  });

  it('accepts unquoted and multi-valued rel, case-insensitive names, relative targets', () => {
    expect(nextLinkUrl('</x?page=2>; REL=next', 'https://s/a/b')).toBe('https://s/x?page=2');
    expect(nextLinkUrl('<https://s/2>; rel="last next"', 'https://s/1')).toBe('https://s/2');
  });

  it('keeps a target with spaces and ampersands as written (the spec example wraps the line)', () => {
    const h =
      '<https://www.server.com/ocpi/cpo/2.2/cdrs/?offset=100&limit=100&date_from=2016-01-01T00:00:00Z>; rel="next"';
    expect(nextLinkUrl(h, 'https://www.server.com/')).toBe(
      'https://www.server.com/ocpi/cpo/2.2/cdrs/?offset=100&limit=100&date_from=2016-01-01T00:00:00Z',
    );
  });

  it('returns null without a next link, and skips junk', () => {
    expect(nextLinkUrl(undefined, 'https://s/')).toBeNull();
    expect(nextLinkUrl('<https://s/1>; rel="prev"', 'https://s/')).toBeNull();
    expect(nextLinkUrl('garbage, <https://s/2>; rel=next', 'https://s/')).toBe('https://s/2');
    expect(nextLinkUrl('<https://s/2', 'https://s/')).toBeNull();
  });
});
