/**
 * Following an OCPI paginated list. The next page is the `Link` header's `rel="next"` URL: followed as given,
 * never computed, because servers may use opaque cursors. `X-Total-Count` is the match count; when it changes
 * while paging the spec says (transport_and_format, Paginated Response):
 * - higher: new objects arrived; only the last page differs, nothing to redo;
 * - lower: an object left the filter (say, updated past `date_to`), so everything after it moved back; redo
 *   the previous GET with `offset` lowered (by 1 per object gone) when the URL has an offset, then continue.
 *   An opaque cursor cannot be stepped back: the result then says how many sessions may be missing.
 */
import { nextLinkUrl } from './link-header';

export interface PageHeaders {
  link?: string;
  'x-total-count'?: string;
  'x-limit'?: string;
}

export interface PageInfo {
  url: string;
  totalCount: number | null;
  /** The server's maximum page size (`X-Limit`). */
  serverLimit: number | null;
  next: string | null;
}

export interface PagingState {
  pages: number;
  firstTotal: number | null;
  lastTotal: number | null;
  serverLimit: number | null;
  /** Sessions that may have been skipped by a drop of X-Total-Count that could not be redone. */
  possiblyMissed: number;
  notes: string[];
  visited: Set<string>;
}

export type PagingDecision = { kind: 'next'; url: string } | { kind: 'redo'; url: string } | { kind: 'done' };

const intHeader = (value: string | undefined): number | null => {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
};

export function readPageHeaders(url: string, headers: PageHeaders): PageInfo {
  return {
    url,
    totalCount: intHeader(headers['x-total-count']),
    serverLimit: intHeader(headers['x-limit']),
    next: nextLinkUrl(headers.link, url),
  };
}

export const initialPaging = (): PagingState => ({
  pages: 0,
  firstTotal: null,
  lastTotal: null,
  serverLimit: null,
  possiblyMissed: 0,
  notes: [],
  visited: new Set(),
});

/** The state after one page, and where to go next. Mutates and returns `state`. */
export function afterPage(state: PagingState, page: PageInfo): PagingDecision {
  state.pages++;
  state.visited.add(page.url);
  if (page.serverLimit !== null) state.serverLimit = page.serverLimit;
  const before = state.lastTotal;
  if (page.totalCount !== null) {
    state.firstTotal ??= page.totalCount;
    state.lastTotal = page.totalCount;
  }
  if (before !== null && page.totalCount !== null && page.totalCount !== before) {
    if (page.totalCount > before) {
      state.notes.push(
        `X-Total-Count rose from ${before} to ${page.totalCount} while paging: sessions were added; only the last page changes, so nothing was fetched again.`,
      );
    } else {
      const drop = before - page.totalCount;
      const redo = lowerOffset(page.url, drop);
      if (redo !== null) {
        state.notes.push(
          `X-Total-Count fell from ${before} to ${page.totalCount} while paging: the page was fetched again with its offset lowered by ${drop}, as the OCPI specification advises.`,
        );
        return { kind: 'redo', url: redo };
      }
      state.possiblyMissed += drop;
      state.notes.push(
        `X-Total-Count fell from ${before} to ${page.totalCount} while paging and the server's next links are opaque (no offset to lower): up to ${drop} session(s) may be missing; list again to be sure.`,
      );
    }
  }
  if (page.next === null) return { kind: 'done' };
  if (new URL(page.next).origin !== new URL(page.url).origin) {
    state.notes.push(
      `The server's next link points at another site (${new URL(page.next).origin}); not followed, so the token was not sent there. The list is incomplete.`,
    );
    return { kind: 'done' };
  }
  if (state.visited.has(page.next)) {
    state.notes.push('The server’s next link repeats a page already read; paging stopped there.');
    return { kind: 'done' };
  }
  return { kind: 'next', url: page.next };
}

/** The URL with its numeric `offset` lowered by `by` (not below 0), or null when it has none or it is 0. */
export function lowerOffset(url: string, by: number): string | null {
  const u = new URL(url);
  const raw = u.searchParams.get('offset');
  if (raw === null || !/^\d+$/.test(raw) || Number(raw) === 0) return null;
  u.searchParams.set('offset', String(Math.max(0, Number(raw) - by)));
  return u.href;
}
