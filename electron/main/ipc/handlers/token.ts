/** `token:*`: set, replace, clear and ask about a profile's token. No channel ever returns the token. */
import { appError, type Result } from '../../../../shared/domain/errors';
import type { IpcResult } from '../../../../shared/ipc/contract';
import { parseIdArg, parseTokenSetArgs } from '../../../../shared/ipc/validate';
import type { AppServices } from '../../../../services/app-services';

export function createTokenHandlers(services: Pick<AppServices, 'profiles' | 'tokens'>) {
  /** The profile must exist and need a token (the Demo profile does not). */
  const profileId = (args: unknown): Result<string> => {
    const id = parseIdArg(args, 'profileId');
    if (!id.ok) return id;
    const profile = services.profiles.get(id.value.profileId);
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
  return {
    'token:state': async (args: unknown): Promise<IpcResult<'token:state'>> => {
      const id = profileId(args);
      return id.ok ? { ok: true, value: await services.tokens.state(id.value) } : id;
    },
    'token:set': async (args: unknown): Promise<IpcResult<'token:set'>> => {
      const parsed = parseTokenSetArgs(args);
      if (!parsed.ok) return parsed;
      const id = profileId(args);
      if (!id.ok) return id;
      return services.tokens.set(id.value, parsed.value.token, parsed.value.memoryOnly);
    },
    'token:clear': async (args: unknown): Promise<IpcResult<'token:clear'>> => {
      const id = profileId(args);
      return id.ok ? { ok: true, value: await services.tokens.clear(id.value) } : id;
    },
  };
}
