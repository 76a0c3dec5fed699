/** `export:session` (bundle, CSV, HTML report) and `export:png` (the chart image): native save dialog, atomic write. */
import { appError, type Result } from '../../../../shared/domain/errors';
import type { SavedFile } from '../../../../shared/domain/export';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { APP_VERSION } from '../../../../shared/export/app-version';
import { suggestedFileName } from '../../../../shared/export/bundle';
import { EXPORT_EXTENSIONS, EXPORT_FILTERS, renderExport } from '../../../../shared/export/render-export';
import { parseExportPngArgs, parseExportSessionArgs } from '../../../../shared/ipc/validate';
import { fileErrorToAppError, writeFileAtomic } from '../../../../services/storage/atomic-file';
import type { ChannelEntries } from '../channel-table';

export interface ExportHandlerServices {
  registry: { get(key: string): LoadedSession | undefined };
}
export interface ExportHandlerContext {
  dialogs: {
    chooseSavePath(
      suggestedName: string,
      filters: { name: string; extensions: string[] }[],
    ): Promise<string | null>;
  };
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

  /** Asks where, then writes atomically; a cancelled dialog is a success with a null path. */
  const save = async (
    name: string,
    filter: { name: string; extensions: string[] },
    content: () => Promise<string | Uint8Array>,
  ): Promise<Result<SavedFile>> => {
    const path = await ctx.dialogs.chooseSavePath(name, [filter]);
    if (path === null) return { ok: true, value: { path: null, bytes: 0 } };
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
        return save(suggestedFileName(loaded.value, EXPORT_EXTENSIONS[format]), EXPORT_FILTERS[format], () =>
          renderExport(loaded.value, format, { redact, appVersion: APP_VERSION }),
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
          async () => png,
        );
      },
    },
  };
}
