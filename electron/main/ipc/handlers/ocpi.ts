/**
 * `profiles:test-connection`, `profiles:refresh-endpoints` and `session:follow` for OCPI profiles.
 * Follow is one re-fetch per call, on the renderer's timer: the renderer owns the toggle and the interval,
 * so closing the session, reloading the window or a tick that fails stops it with no loop left in main.
 */
import { parseFollowArgs, parseIdArg } from '../../../../shared/ipc/validate';
import type { AppServices } from '../../../../services/app-services';
import type { ChannelEntries } from '../channel-table';
import { heldSession } from './held-session';

export function createOcpiHandlers(
  services: Pick<AppServices, 'ocpi' | 'registry'>,
): ChannelEntries<'profiles:test-connection' | 'profiles:refresh-endpoints' | 'session:follow'> {
  return {
    'profiles:test-connection': {
      parse: (raw) => parseIdArg(raw, 'profileId'),
      run: ({ profileId }) => services.ocpi.testConnection(profileId),
    },
    'profiles:refresh-endpoints': {
      parse: (raw) => parseIdArg(raw, 'profileId'),
      run: ({ profileId }) => services.ocpi.refreshEndpoints(profileId),
    },
    'session:follow': {
      parse: parseFollowArgs,
      run: async ({ key, profileId }) => {
        const held = heldSession(services.registry, key, 'then follow it');
        if (!held.ok) return held;
        const tick = await services.ocpi.followTick(profileId, held.value);
        if (tick.ok && tick.value.updated) services.registry.put(tick.value.loaded);
        return tick;
      },
    },
  };
}
