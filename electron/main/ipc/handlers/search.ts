/**
 * `search:start`, `search:cancel` and `search:export-csv`: a session search on an OCPI Sender interface
 * that streams its rows as `search:rows` events page by page (`search:progress`, then one `search:done`),
 * cancellable; the rows stay in main (with their raw JSON) so the list can be exported as CSV.
 */
import { randomUUID } from 'node:crypto';
import { appError } from '../../../../shared/domain/errors';
import type { IpcEvent, IpcEvents } from '../../../../shared/ipc/contract';
import { parseIdArg, parseSearchExportArgs, parseSearchStartArgs } from '../../../../shared/ipc/validate';
import { sessionRowsCsv } from '../../../../shared/ocpi/session-list-output';
import type { SessionRow } from '../../../../shared/ocpi/session-rows';
import type { AppServices } from '../../../../services/app-services';
import { toSearchRow } from '../../../../services/ocpi/ocpi-app';
import { fileErrorToAppError, writeFileAtomic } from '../../../../services/storage/atomic-file';
import type { ChannelEntries } from '../channel-table';
import type { ExportHandlerContext } from './export';

export interface SearchHandlerContext extends ExportHandlerContext {
  emit<E extends IpcEvent>(event: E, payload: IpcEvents[E]): void;
}

/** Searches whose rows are kept for export; older ones are dropped (a new search replaces the view). */
export const KEPT_SEARCHES = 3;

interface HeldSearch {
  controller: AbortController;
  rows: Map<string, SessionRow>;
  fileStem: string;
}

export function createSearchHandlers(
  services: Pick<AppServices, 'ocpi' | 'log'>,
  ctx: SearchHandlerContext,
): ChannelEntries<'search:start' | 'search:cancel' | 'search:export-csv'> {
  const searches = new Map<string, HeldSearch>();
  return {
    'search:start': {
      parse: parseSearchStartArgs,
      run: async (filters) => {
        const searchId = randomUUID();
        const held: HeldSearch = {
          controller: new AbortController(),
          rows: new Map(),
          fileStem: `sessions-${filters.from.slice(0, 10)}-${filters.to.slice(0, 10)}`,
        };
        searches.set(searchId, held);
        for (const old of searches.keys()) {
          if (searches.size <= KEPT_SEARCHES) break;
          searches.get(old)?.controller.abort();
          searches.delete(old);
        }
        // Answered at once; the rows follow as events tagged with the id.
        void services.ocpi
          .search(filters, {
            signal: held.controller.signal,
            onRows: (rows) => {
              for (const row of rows) held.rows.set(row.key, row);
              ctx.emit('search:rows', { searchId, rows: rows.map(toSearchRow) });
            },
            onProgress: (progress) => ctx.emit('search:progress', { searchId, ...progress }),
          })
          .then(
            (done) => ctx.emit('search:done', { searchId, ...done }),
            (cause: unknown) => {
              services.log.error('search-failed', cause, { searchId });
              ctx.emit('search:done', {
                searchId,
                pages: 0,
                listed: held.rows.size,
                matched: held.rows.size,
                totalCount: null,
                firstTotalCount: null,
                serverLimit: null,
                notes: [],
                failure: {
                  message: `The search failed unexpectedly: ${cause instanceof Error ? cause.message.split('\n')[0] : 'unknown error'}.`,
                  hint: 'Try again; if it keeps failing, report it with the log file (main.log).',
                  missing: { from: Date.parse(filters.from), to: Date.parse(filters.to) },
                },
                cancelled: false,
                requests: [],
              });
            },
          );
        return { ok: true, value: { searchId } };
      },
    },
    'search:cancel': {
      parse: (raw) => parseIdArg(raw, 'searchId'),
      run: async ({ searchId }) => {
        const held = searches.get(searchId);
        held?.controller.abort();
        return { ok: true, value: held !== undefined };
      },
    },
    'search:export-csv': {
      parse: parseSearchExportArgs,
      run: async ({ searchId, keys }) => {
        const held = searches.get(searchId);
        if (!held)
          return {
            ok: false,
            error: appError(
              'invalid-argument',
              'That search is no longer held by the app.',
              'Search again, then export.',
            ),
          };
        const rows = keys.flatMap((k) => {
          const row = held.rows.get(k);
          return row ? [row] : [];
        });
        const path = await ctx.dialogs.chooseSavePath(`${held.fileStem}.csv`, [
          { name: 'CSV', extensions: ['csv'] },
        ]);
        if (path === null) return { ok: true, value: { path: null, bytes: 0 } };
        const csv = sessionRowsCsv(rows);
        try {
          await writeFileAtomic(path, csv, 'user');
        } catch (err) {
          return { ok: false, error: fileErrorToAppError(err, path) };
        }
        return { ok: true, value: { path, bytes: Buffer.byteLength(csv) } };
      },
    },
  };
}
