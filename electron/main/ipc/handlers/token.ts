/** `token:*`: set, replace, clear and ask about a profile's token. No channel ever returns the token. */
import { appError, type Result } from '../../../../shared/domain/errors';
import { parseIdArg, parseTokenSetArgs } from '../../../../shared/ipc/validate';
import type { AppServices } from '../../../../services/app-services';
import type { ChannelEntries } from '../channel-table';

export function createTokenHandlers(
  services: Pick<AppServices, 'profiles' | 'tokens'>,
): ChannelEntries<'token:state' | 'token:set' | 'token:clear'> {
  /** The profile must exist and need a token (the Demo profile does not). */
  const tokenProfile = (profileId: string): Result<string> => {
    const profile = services.profiles.get(profileId);
    if (!profile)
      return {
        ok: false,
        error: appError('unknown-profile', 'That profile no longer exists.', 'Pick another profile.'),
      };
    if (profile.demo)
      return {
        ok: false,
        error: appError(
          'invalid-argument',
          'The Demo profile needs no token.',
          'Pick or add a real environment.',
        ),
      };
    return { ok: true, value: profile.id };
  };
  const parseProfileId = (raw: unknown) => parseIdArg(raw, 'profileId');
  return {
    'token:state': {
      parse: parseProfileId,
      run: async ({ profileId }) => {
        const id = tokenProfile(profileId);
        return id.ok ? { ok: true, value: await services.tokens.state(id.value) } : id;
      },
    },
    'token:set': {
      parse: parseTokenSetArgs,
      run: async ({ profileId, token, memoryOnly }) => {
        const id = tokenProfile(profileId);
        return id.ok ? services.tokens.set(id.value, token, memoryOnly) : id;
      },
    },
    'token:clear': {
      parse: parseProfileId,
      run: async ({ profileId }) => {
        const id = tokenProfile(profileId);
        return id.ok ? { ok: true, value: await services.tokens.clear(id.value) } : id;
      },
    },
  };
}
