/** `shell:open-external`: allow-listed https links open at once; other http(s) links only after the user confirms. */
import { parseExternalUrl } from '../../../../shared/ipc/validate';
import { isAllowedExternalUrl } from '../../security';
import type { ChannelEntries } from '../channel-table';

export interface ShellHandlerContext {
  dialogs: { confirm(message: string): Promise<boolean> };
  /** Electron's `shell.openExternal`; absent where there is no desktop (browser tests): nothing opens. */
  openExternal?: (url: string) => Promise<void>;
}

export function createShellHandlers(ctx: ShellHandlerContext): ChannelEntries<'shell:open-external'> {
  return {
    'shell:open-external': {
      parse: parseExternalUrl,
      run: async ({ url }) => {
        const { href, protocol } = new URL(url);
        // Never file:, javascript: or custom schemes: those run things on the machine.
        if (protocol !== 'https:' && protocol !== 'http:') return { ok: true, value: false };
        const allowed =
          isAllowedExternalUrl(href) ||
          (await ctx.dialogs.confirm(`Open this link in your browser?\n\n${href}`));
        if (!allowed || !ctx.openExternal) return { ok: true, value: false };
        await ctx.openExternal(href);
        return { ok: true, value: true };
      },
    },
  };
}
