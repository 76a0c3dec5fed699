/** `profiles:*`: list, save and delete environment profiles; deleting one also removes its token. */
import type { IpcResult } from '../../../../shared/ipc/contract';
import { parseIdArg } from '../../../../shared/ipc/validate';
import type { AppServices } from '../../../../services/app-services';

export function createProfileHandlers(services: Pick<AppServices, 'profiles' | 'settings' | 'tokens'>) {
  const snapshot = () => {
    const listed = services.profiles.list();
    return { ...listed, notices: [...listed.notices, ...services.settings.notices] };
  };
  return {
    'profiles:list': async (_args: unknown): Promise<IpcResult<'profiles:list'>> => ({
      ok: true,
      value: snapshot(),
    }),
    'profiles:save': (args: unknown): Promise<IpcResult<'profiles:save'>> => services.profiles.save(args),
    'profiles:delete': async (args: unknown): Promise<IpcResult<'profiles:delete'>> => {
      const id = parseIdArg(args, 'id');
      if (!id.ok) return id;
      const deleted = await services.profiles.delete(id.value.id);
      if (!deleted.ok) return deleted;
      // A deleted environment's token must not linger in the keychain.
      await services.tokens.clear(id.value.id);
      return { ok: true, value: snapshot() };
    },
  };
}
