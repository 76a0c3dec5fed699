import { describe, expect, it } from 'vitest';
import { afterPage, initialPaging, lowerOffset, readPageHeaders } from '../../../shared/ocpi/paging';

const page = (url: string, total: number | null, next: string | null) =>
  readPageHeaders(url, {
    ...(total === null ? {} : { 'x-total-count': String(total) }),
    'x-limit': '25',
    ...(next ? { link: `<${next}>; rel="next"` } : {}),
  });

describe('paging', () => {
  it('follows opaque cursors as given and stops on the last page', () => {
    const s = initialPaging();
    expect(afterPage(s, page('https://s/l?limit=25', 60, 'https://s/l?cursor=XyZ'))).toEqual({
      kind: 'next',
      url: 'https://s/l?cursor=XyZ',
    });
    expect(afterPage(s, page('https://s/l?cursor=XyZ', 60, 'https://s/l?cursor=Q'))).toEqual({
      kind: 'next',
      url: 'https://s/l?cursor=Q',
    });
    expect(afterPage(s, page('https://s/l?cursor=Q', 60, null))).toEqual({ kind: 'done' });
    expect(s).toMatchObject({ pages: 3, firstTotal: 60, lastTotal: 60, serverLimit: 25, notes: [] });
  });

  it('a rising total needs nothing redone; a falling one redoes the page with the offset lowered', () => {
    const up = initialPaging();
    afterPage(up, page('https://s/l?offset=0&limit=10', 30, 'https://s/l?offset=10&limit=10'));
    expect(
      afterPage(up, page('https://s/l?offset=10&limit=10', 31, 'https://s/l?offset=20&limit=10')),
    ).toEqual({ kind: 'next', url: 'https://s/l?offset=20&limit=10' });
    expect(up.notes[0]).toMatch(/rose from 30 to 31/);

    const down = initialPaging();
    afterPage(down, page('https://s/l?offset=0&limit=10', 30, 'https://s/l?offset=10&limit=10'));
    expect(
      afterPage(down, page('https://s/l?offset=10&limit=10', 29, 'https://s/l?offset=20&limit=10')),
    ).toEqual({ kind: 'redo', url: 'https://s/l?offset=9&limit=10' });
    expect(down.possiblyMissed).toBe(0);
  });

  it('with an opaque cursor a falling total is reported as possibly missing sessions', () => {
    const s = initialPaging();
    afterPage(s, page('https://s/l', 30, 'https://s/l?cursor=a'));
    expect(afterPage(s, page('https://s/l?cursor=a', 27, null))).toEqual({ kind: 'done' });
    expect(s.possiblyMissed).toBe(3);
    expect(s.notes[0]).toMatch(/up to 3 session/);
  });

  it('never follows a next link to another origin or back to a page already read', () => {
    const s = initialPaging();
    expect(afterPage(s, page('https://s/l', 5, 'https://evil/l?c=1'))).toEqual({ kind: 'done' });
    expect(s.notes[0]).toMatch(/another site/);
    const loop = initialPaging();
    afterPage(loop, page('https://s/l?c=1', 5, 'https://s/l?c=2'));
    expect(afterPage(loop, page('https://s/l?c=2', 5, 'https://s/l?c=1'))).toEqual({ kind: 'done' });
  });

  it('reads only whole-number headers', () => {
    expect(readPageHeaders('https://s/', { 'x-total-count': 'many', 'x-limit': ' 50 ' })).toMatchObject({
      totalCount: null,
      serverLimit: 50,
    });
    expect(lowerOffset('https://s/?offset=0', 1)).toBeNull();
    expect(lowerOffset('https://s/?offset=2', 5)).toBe('https://s/?offset=0');
  });
});
