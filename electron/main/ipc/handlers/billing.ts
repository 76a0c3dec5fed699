/**
 * `billing:attach-file`, `billing:attach-text`, `billing:attach-path` and `billing:detach`: a CDR or tariff file beside the session
 * on screen. Files are read by Open's rules (services/sessions/file-import), and the attachments computed
 * in one place (shared/billing/attach); the session is kept again with them, so exports carry them.
 */
import { attachBillingFile, billingKindOfText } from '../../../../shared/billing/attach';
import { appError, type Result } from '../../../../shared/domain/errors';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import type { IpcEvent, IpcEvents } from '../../../../shared/ipc/contract';
import { parseAttachPathArgs, parseAttachTextArgs, parseIdArg } from '../../../../shared/ipc/validate';
import { readTextFromPath } from '../../../../services/sessions/file-import';
import type { ChannelEntries } from '../channel-table';
import { heldSession } from './held-session';

export interface BillingHandlerServices {
  registry: { get(key: string): LoadedSession | undefined; put(loaded: LoadedSession): unknown };
  /** Recent keeps the session again with its billing (services/storage/history.ts `update`). */
  history: { update(loaded: LoadedSession): Promise<void> };
}
export interface BillingHandlerContext {
  dialogs: { chooseOpenPath(): Promise<string | null> };
  emit<E extends IpcEvent>(event: E, payload: IpcEvents[E]): void;
}

const held = (registry: BillingHandlerServices['registry'], key: string): Result<LoadedSession> =>
  heldSession(registry, key, 'then attach the file');

export function createBillingHandlers(
  services: BillingHandlerServices,
  ctx: BillingHandlerContext,
): ChannelEntries<'billing:attach-file' | 'billing:attach-text' | 'billing:attach-path' | 'billing:detach'> {
  /** Held and kept in Recent; failing to keep it there is a notice, never a failed attach. */
  const keep = (next: LoadedSession): void => {
    services.registry.put(next);
    services.history.update(next).catch((cause: unknown) =>
      ctx.emit('history:notice', {
        message: `The billing is shown but could not be kept in Recent: ${cause instanceof Error ? cause.message : String(cause)}`,
      }),
    );
  };

  const attach = (key: string, file: { fileName: string; text: string }): Result<LoadedSession> => {
    const got = held(services.registry, key);
    if (!got.ok) return got;
    const loaded = got.value;
    // A CDR opened alone has no session to reconcile with: its billing is priced on its own.
    const session = loaded.subject === 'cdr' ? null : loaded.session;
    const billing = attachBillingFile(session, loaded.billing, file);
    if (!billing.ok) return billing;
    const next: LoadedSession = { ...loaded, billing: billing.value };
    keep(next);
    return { ok: true, value: next };
  };

  return {
    'billing:attach-file': {
      parse: (raw) => parseIdArg(raw, 'key'),
      run: async ({ key }) => {
        const got = held(services.registry, key);
        if (!got.ok) return got;
        const path = await ctx.dialogs.chooseOpenPath();
        if (path === null) return { ok: true, value: null };
        const file = await readTextFromPath(path);
        return file.ok ? attach(key, file.value) : file;
      },
    },
    'billing:attach-text': {
      parse: parseAttachTextArgs,
      run: async ({ key, fileName, text }) => {
        if (billingKindOfText(text) === null) return { ok: true, value: null };
        return attach(key, { fileName, text });
      },
    },
    'billing:attach-path': {
      parse: parseAttachPathArgs,
      run: async ({ key, path }) => {
        const got = held(services.registry, key);
        if (!got.ok) return got;
        const file = await readTextFromPath(path);
        if (!file.ok) return file;
        if (billingKindOfText(file.value.text) === null) return { ok: true, value: null };
        return attach(key, file.value);
      },
    },
    'billing:detach': {
      parse: (raw) => parseIdArg(raw, 'key'),
      run: async ({ key }) => {
        const got = held(services.registry, key);
        if (!got.ok) return got;
        const loaded = got.value;
        if (loaded.subject === 'cdr')
          return {
            ok: false,
            error: appError(
              'invalid-argument',
              'This is a CDR opened on its own: there is nothing to detach it from.',
              'Open a session to attach it to.',
            ),
          };
        const { billing: _dropped, ...rest } = loaded;
        void _dropped;
        keep(rest);
        return { ok: true, value: rest };
      },
    },
  };
}
