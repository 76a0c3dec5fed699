/** `session:fetch`, `session:cancel` and `session:get`: a cancellable fetch with progress events, kept for export and history. */
import { appError } from '../../../../shared/domain/errors';
import type { IpcEvent, IpcEvents } from '../../../../shared/ipc/contract';
import { parseFetchArgs, parseIdArg } from '../../../../shared/ipc/validate';
import type { AppServices } from '../../../../services/app-services';
import type { ChannelEntries } from '../channel-table';
import { heldSession } from './held-session';

export interface SessionHandlerContext {
  emit<E extends IpcEvent>(event: E, payload: IpcEvents[E]): void;
}

export function createSessionHandlers(
  services: Pick<AppServices, 'fetchSession' | 'registry' | 'history' | 'log'>,
  ctx: SessionHandlerContext,
): ChannelEntries<'session:fetch' | 'session:cancel' | 'session:get'> {
  const inFlight = new Map<string, AbortController>();
  return {
    'session:fetch': {
      parse: parseFetchArgs,
      run: async ({ requestId, profileId, sessionId, around }) => {
        if (inFlight.has(requestId))
          return {
            ok: false,
            error: appError(
              'invalid-argument',
              'That fetch is already running.',
              'Wait for it or cancel it.',
            ),
          };
        const controller = new AbortController();
        inFlight.set(requestId, controller);
        try {
          const result = await services.fetchSession({
            profileId,
            sessionId,
            ...(around !== undefined ? { around } : {}),
            signal: controller.signal,
            onProgress: (progress) => ctx.emit('session:progress', { requestId, ...progress }),
          });
          if (result.ok) {
            services.registry.put(result.value);
            // History is a convenience: the session shows first (history:list waits for this write), and
            // failing to keep it is a notice, never a failed fetch.
            services.history.add(result.value).catch((cause: unknown) => {
              services.log.error('history-add-failed', cause, { sessionId });
              ctx.emit('history:notice', {
                message: `The session is shown but could not be kept in Recent: ${cause instanceof Error ? cause.message : String(cause)}`,
              });
            });
          }
          return result;
        } finally {
          inFlight.delete(requestId);
        }
      },
    },
    'session:get': {
      parse: (raw) => parseIdArg(raw, 'key'),
      run: async ({ key }) => {
        return heldSession(services.registry, key, '');
      },
    },
    'session:cancel': {
      parse: (raw) => parseIdArg(raw, 'requestId'),
      run: async ({ requestId }) => {
        const controller = inFlight.get(requestId);
        controller?.abort();
        return { ok: true, value: controller !== undefined };
      },
    },
  };
}
