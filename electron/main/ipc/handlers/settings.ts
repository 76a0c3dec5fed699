/** `settings:get` and `settings:update`. */
import { parseNoArgs, parseSettingsPatch } from '../../../../shared/ipc/validate';
import type { AppServices } from '../../../../services/app-services';
import type { ChannelEntries } from '../channel-table';

export function createSettingsHandlers(
  services: Pick<AppServices, 'settings'>,
): ChannelEntries<'settings:get' | 'settings:update'> {
  return {
    'settings:get': { parse: parseNoArgs, run: async () => ({ ok: true, value: services.settings.get() }) },
    'settings:update': {
      parse: parseSettingsPatch,
      run: async (patch) => ({ ok: true, value: await services.settings.update(patch) }),
    },
  };
}
