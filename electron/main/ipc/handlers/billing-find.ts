/**
 * `billing:find-cdr` and `billing:cancel-find`: a held session's CDR and tariffs found through the profile's
 * discovered OCPI endpoints (services/ocpi/find-cdr.ts), in main, where the token is. Progress goes out as
 * `billing:progress` events; what was found is attached by the attach rule (shared/billing/attach.ts), with the
 * search kept for CDR_MISSING, and written back to Recent. A failure (403, network, cancel) changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { attachBillingFiles } from '../../../../shared/billing/attach';
import { appError, type Result } from '../../../../shared/domain/errors';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import type { IpcEvent, IpcEvents } from '../../../../shared/ipc/contract';
import { parseFindCdrArgs, parseIdArg } from '../../../../shared/ipc/validate';
import type { OcpiApp } from '../../../../services/ocpi/ocpi-app';
import { findBilling } from '../../../../services/ocpi/find-cdr';
import type { ChannelEntries } from '../channel-table';
import { heldSession } from './held-session';

export interface FindCdrHandlerServices {
  ocpi: Pick<OcpiApp, 'connected'>;
  registry: { get(key: string): LoadedSession | undefined; put(loaded: LoadedSession): unknown };
  history: { update(loaded: LoadedSession): Promise<void> };
  log: { error(event: string, err: unknown, fields?: Record<string, unknown>): void };
}
export interface FindCdrHandlerContext {
  emit<E extends IpcEvent>(event: E, payload: IpcEvents[E]): void;
}

const fail = (message: string, hint: string): Result<never> => ({
  ok: false,
  error: appError('invalid-argument', message, hint),
});

export function createFindCdrHandlers(
  services: FindCdrHandlerServices,
  ctx: FindCdrHandlerContext,
): ChannelEntries<'billing:find-cdr' | 'billing:cancel-find'> {
  const inFlight = new Map<string, AbortController>();
  return {
    'billing:find-cdr': {
      parse: parseFindCdrArgs,
      run: async ({ requestId, key, profileId }) => {
        if (inFlight.has(requestId))
          return fail('That CDR search is already running.', 'Wait for it or cancel it.');
        const held = heldSession(services.registry, key, 'then find its CDR');
        if (!held.ok) return held;
        const loaded = held.value;
        if (loaded.subject === 'cdr')
          return fail(
            'This is a CDR opened on its own: there is no session to find a CDR for.',
            'Open the session.',
          );
        const controller = new AbortController();
        inFlight.set(requestId, controller);
        try {
          const correlationId = randomUUID();
          const c = await services.ocpi.connected(profileId, correlationId, controller.signal);
          if (!c.ok) return c;
          const found = await findBilling(c.value.conn, {
            endpoints: c.value.endpoints,
            session: loaded.session,
            profileName: c.value.profile.name,
            correlationId,
            signal: controller.signal,
            onProgress: (p) => ctx.emit('billing:progress', { requestId, ...p }),
          });
          if (!found.ok) return found;
          // The session may have changed meanwhile (a follow tick, an attached file): attach to the latest.
          const current = services.registry.get(key) ?? loaded;
          const billing = attachBillingFiles(
            current.session,
            current.billing,
            found.value.files,
            found.value.report,
          );
          if (!billing.ok) return billing;
          const next: LoadedSession = { ...current, billing: billing.value };
          services.registry.put(next);
          services.history.update(next).catch((cause: unknown) => {
            services.log.error('history-update-failed', cause, { key });
            ctx.emit('history:notice', {
              message: `The CDR search result is shown but could not be kept in Recent: ${cause instanceof Error ? cause.message : String(cause)}`,
            });
          });
          return { ok: true, value: next };
        } finally {
          inFlight.delete(requestId);
        }
      },
    },
    'billing:cancel-find': {
      parse: (raw) => parseIdArg(raw, 'requestId'),
      run: async ({ requestId }) => {
        const controller = inFlight.get(requestId);
        controller?.abort();
        return { ok: true, value: controller !== undefined };
      },
    },
  };
}
