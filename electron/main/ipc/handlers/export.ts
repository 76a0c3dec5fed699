/** `export:session` (bundle, CSV, HTML report) and `export:png` (the chart image): native save dialog, atomic write. */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { appError, type Result } from '../../../../shared/domain/errors';
import type { SavedFile } from '../../../../shared/domain/export';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import type { TimeZoneDisplay } from '../../../../shared/domain/settings';
import { APP_VERSION } from '../../../../shared/export/app-version';
import { suggestedFileName } from '../../../../shared/export/bundle';
import { EXPORT_EXTENSIONS, EXPORT_FILTERS, renderExport } from '../../../../shared/export/render-export';
import { parseExportPngArgs, parseExportSessionArgs } from '../../../../shared/ipc/validate';
import { fileErrorToAppError, writeFileAtomic } from '../../../../services/storage/atomic-file';
import type { ChannelEntries } from '../channel-table';

export interface ExportHandlerServices {
  registry: { get(key: string): LoadedSession | undefined };
  /** The time-zone display chosen in Settings: "site" exports CSV and report times in the site's zone. */
  settings?: { get(): { timeZone: TimeZoneDisplay } };
}
export interface ExportHandlerContext {
  dialogs: {
    chooseSavePath(
      suggestedName: string,
      filters: { name: string; extensions: string[] }[],
    ): Promise<string | null>;
    confirm(message: string): Promise<boolean>;
  };
}

/** What a redacted export's suggested name carries, so it never lands on the full export by default. */
export const REDACTED_MARK = '-redacted';

const namedRedacted = (path: string): boolean => basename(path).includes(REDACTED_MARK);

/**
 * The question to ask before writing `path`, or null to write at once: a redacted export onto an existing
 * full one would lose the full data, and a full export under a name that says redacted (new or existing)
 * would be shared as if it held no ids. The save dialog's own overwrite question does not say which is which.
 */
export function redactionConflict(path: string, redact: boolean, exists: boolean): string | null {
  const name = basename(path);
  if (redact && exists && !namedRedacted(path))
    return `${name} already exists and may be the full (unredacted) export. Replace it with the redacted one?`;
  if (!redact && namedRedacted(path))
    return `${name} is named as redacted, but this export is not redacted: it holds the account ids. Save it anyway?`;
  return null;
}

export function createExportHandlers(
  services: ExportHandlerServices,
  ctx: ExportHandlerContext,
): ChannelEntries<'export:session' | 'export:png'> {
  const lookup = (key: string): Result<LoadedSession> => {
    const loaded = services.registry.get(key);
    return loaded
      ? { ok: true, value: loaded }
      : {
          ok: false,
          error: appError(
            'invalid-argument',
            'That session is no longer open.',
            'Fetch or open the session again, then export.',
          ),
        };
  };

  const cancelled: Result<SavedFile> = { ok: true, value: { path: null, bytes: 0 } };

  /**
   * Asks where, then writes atomically; a cancelled dialog (or a declined redaction question) is a success
   * with a null path. `redact` is null for files that have no redacted form (the chart image).
   */
  const save = async (
    name: string,
    filter: { name: string; extensions: string[] },
    redact: boolean | null,
    content: () => Promise<string | Uint8Array>,
  ): Promise<Result<SavedFile>> => {
    const path = await ctx.dialogs.chooseSavePath(name, [filter]);
    if (path === null) return cancelled;
    if (redact !== null) {
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      const question = redactionConflict(path, redact, exists);
      if (question !== null && !(await ctx.dialogs.confirm(question))) return cancelled;
    }
    const data = await content();
    try {
      await writeFileAtomic(path, data, 'user');
    } catch (err) {
      // The chosen path makes the message precise; other failures are the guard's.
      return { ok: false, error: fileErrorToAppError(err, path) };
    }
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    return { ok: true, value: { path, bytes } };
  };

  return {
    'export:session': {
      parse: parseExportSessionArgs,
      run: async ({ key, format, redact }) => {
        const loaded = lookup(key);
        if (!loaded.ok) return loaded;
        const extension = `${redact ? REDACTED_MARK : ''}${EXPORT_EXTENSIONS[format]}`;
        return save(suggestedFileName(loaded.value, extension), EXPORT_FILTERS[format], redact, () =>
          renderExport(loaded.value, format, {
            redact,
            appVersion: APP_VERSION,
            // "This computer's zone" is not a zone a reader elsewhere shares: such exports stay in UTC.
            times: services.settings?.get().timeZone === 'site' ? 'site' : 'utc',
          }),
        );
      },
    },
    'export:png': {
      parse: parseExportPngArgs,
      run: async ({ key, png }) => {
        const loaded = lookup(key);
        if (!loaded.ok) return loaded;
        return save(
          suggestedFileName(loaded.value, '.timeline.png'),
          { name: 'PNG image', extensions: ['png'] },
          null,
          async () => png,
        );
      },
    },
  };
}
