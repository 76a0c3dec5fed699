/** `profiles:*`: list, save and delete environment profiles; deleting one also removes its token. */
import { tokenOriginChanged } from '../../../../shared/domain/profile';
import { parseIdArg, parseNoArgs, parseProfileSave } from '../../../../shared/ipc/validate';
import type { AppServices } from '../../../../services/app-services';
import type { ChannelEntries } from '../channel-table';

export function createProfileHandlers(
  services: Pick<AppServices, 'profiles' | 'settings' | 'tokens'>,
): ChannelEntries<'profiles:list' | 'profiles:save' | 'profiles:delete'> {
  const snapshot = () => {
    const listed = services.profiles.list();
    return { ...listed, notices: [...listed.notices, ...services.settings.notices] };
  };
  return {
    'profiles:list': { parse: parseNoArgs, run: async () => ({ ok: true, value: snapshot() }) },
    'profiles:save': {
      parse: parseProfileSave,
      run: async ({ keepTokenForNewOrigin, ...input }) => {
        const before = input.id === undefined ? undefined : services.profiles.get(input.id);
        const saved = await services.profiles.save(input);
        // The token was given for the old server: it must not follow the profile to another origin
        // unless the user said so in the profile form.
        if (saved.ok && before && tokenOriginChanged(before, saved.value) && !keepTokenForNewOrigin)
          await services.tokens.clear(saved.value.id);
        return saved;
      },
    },
    'profiles:delete': {
      parse: (raw) => parseIdArg(raw, 'id'),
      run: async ({ id }) => {
        const deleted = await services.profiles.delete(id);
        if (!deleted.ok) return deleted;
        // A deleted environment's token must not linger in the keychain.
        await services.tokens.clear(id);
        return { ok: true, value: snapshot() };
      },
    },
  };
}
