/** `export:session` (bundle, CSV, HTML report) and `export:png` (the chart image): native save dialog, atomic write. */
import { appError, type AppError } from '../../../../shared/domain/errors';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { APP_VERSION } from '../../../../shared/export/app-version';
import { suggestedFileName } from '../../../../shared/export/bundle';
import {
  EXPORT_EXTENSIONS,
  EXPORT_FILTERS,
  isExportFormat,
  renderExport,
} from '../../../../shared/export/render-export';
import type { IpcResult, SavedFile } from '../../../../shared/ipc/contract';
import { fileErrorToAppError, writeFileAtomic } from '../../../../services/storage/atomic-file';

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

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function createExportHandlers(services: ExportHandlerServices, ctx: ExportHandlerContext) {
  const lookup = (key: unknown): LoadedSession | AppError =>
    (typeof key === 'string' ? services.registry.get(key) : undefined) ??
    appError(
      'invalid-argument',
      'That session is no longer open.',
      'Fetch or open the session again, then export.',
    );

  /** Asks where, then writes atomically; a cancelled dialog is a success with a null path. */
  const save = async (
    name: string,
    filter: { name: string; extensions: string[] },
    content: () => Promise<string | Uint8Array>,
  ): Promise<IpcResult<'export:session'>> => {
    const path = await ctx.dialogs.chooseSavePath(name, [filter]);
    if (path === null) return { ok: true, value: { path: null, bytes: 0 } };
    const data = await content();
    try {
      await writeFileAtomic(path, data);
    } catch (err) {
      return { ok: false, error: fileErrorToAppError(err, path) };
    }
    const saved: SavedFile = {
      path,
      bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength,
    };
    return { ok: true, value: saved };
  };

  return {
    'export:session': async (args: unknown): Promise<IpcResult<'export:session'>> => {
      const a = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
      if (!isExportFormat(a.format) || typeof a.redact !== 'boolean')
        return {
          ok: false,
          error: appError(
            'invalid-argument',
            'Export needs a format (bundle, csv or html) and a redact flag.',
            'Try the Export menu again.',
          ),
        };
      const loaded = lookup(a.key);
      if (!('session' in loaded)) return { ok: false, error: loaded };
      const format = a.format;
      const redact = a.redact;
      try {
        return await save(suggestedFileName(loaded, EXPORT_EXTENSIONS[format]), EXPORT_FILTERS[format], () =>
          renderExport(loaded, format, { redact, appVersion: APP_VERSION }),
        );
      } catch (err) {
        return { ok: false, error: exportFailed(err) };
      }
    },
    'export:png': async (args: unknown): Promise<IpcResult<'export:png'>> => {
      const a = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
      const png = a.png;
      if (!(png instanceof Uint8Array) || !PNG_SIGNATURE.every((b, i) => png[i] === b))
        return {
          ok: false,
          error: appError(
            'invalid-argument',
            'The chart image is not a PNG.',
            'Try exporting the chart again.',
          ),
        };
      const loaded = lookup(a.key);
      if (!('session' in loaded)) return { ok: false, error: loaded };
      try {
        return await save(
          suggestedFileName(loaded, '.timeline.png'),
          { name: 'PNG image', extensions: ['png'] },
          async () => png,
        );
      } catch (err) {
        return { ok: false, error: exportFailed(err) };
      }
    },
  };
}

function exportFailed(err: unknown): AppError {
  return appError(
    'internal',
    `The export failed: ${err instanceof Error ? err.message : String(err)}.`,
    'Try again; if it keeps failing, report it with the session.',
  );
}
