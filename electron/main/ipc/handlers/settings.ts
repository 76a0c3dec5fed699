/** `settings:get` and `settings:update`. */
import type { IpcResult } from '../../../../shared/ipc/contract';
import type { AppServices } from '../../../../services/app-services';

export function createSettingsHandlers(services: Pick<AppServices, 'settings'>) {
  return {
    'settings:get': async (_args: unknown): Promise<IpcResult<'settings:get'>> => ({
      ok: true,
      value: services.settings.get(),
    }),
    'settings:update': (args: unknown): Promise<IpcResult<'settings:update'>> =>
      services.settings.update(args),
  };
}
