/**
 * Finding the shown session's CDR and tariffs on the OCPI profile it came from: main searches (the token stays
 * there), progress comes as `billing:progress` events, and the answer is the session with what was found
 * attached. A failure shows its message and leaves the session as it was.
 */
import { cdrSearchProfile, findsCdrAtOnce, mayListCdrs } from '../../../shared/billing/cdr-search';
import { appError } from '../../../shared/domain/errors';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { getInspector } from '../bridge';
import { useAppStore } from './app-store';

const set = useAppStore.setState;
const get = useAppStore.getState;

/**
 * Searches the CDR of the shown session; `atOnce` when it follows a fetch on its own (no tab switch). True when
 * the session came back changed (main then keeps it in Recent again: the caller refreshes the list).
 */
export async function findCdr(atOnce = false): Promise<boolean> {
  const bridge = getInspector();
  const loaded = get().loaded;
  if (!bridge || !loaded) return false;
  const running = get().findingCdr;
  if (running?.key === loaded.key) return false;
  // A search still running for the session shown before is dropped: this one owns the view now.
  if (running) void bridge['billing:cancel-find']({ requestId: running.requestId });
  const profile = cdrSearchProfile(loaded, get().profiles);
  if (!profile) {
    set({
      error: appError(
        'invalid-argument',
        'This session did not come from an OCPI profile: there is no CDRs module to search.',
        'Fetch it on its OCPI profile, or attach the CDR file.',
      ),
    });
    return false;
  }
  const requestId = crypto.randomUUID();
  set({ findingCdr: { requestId, key: loaded.key, profileName: profile.name, progress: null } });
  const off = bridge.on('billing:progress', (p) => {
    const finding = get().findingCdr;
    if (finding?.requestId !== p.requestId) return;
    const { requestId: _id, ...progress } = p;
    set({ findingCdr: { ...finding, progress } });
  });
  let result;
  try {
    result = await bridge['billing:find-cdr']({ requestId, key: loaded.key, profileId: profile.id });
  } catch (cause) {
    result = {
      ok: false as const,
      error: appError('internal', `The app's bridge failed: ${String(cause)}`, 'Restart the app.'),
    };
  } finally {
    off();
  }
  // A cancel, or another session shown since, owns the view now.
  if (get().findingCdr?.requestId !== requestId) return false;
  set({ findingCdr: null });
  if (get().loaded?.key !== loaded.key) return result.ok;
  if (result.ok) {
    const found = result.value.billing?.cdrSearch?.found;
    set({
      loaded: result.value,
      asSent: null,
      ...(atOnce ? {} : { activeTab: 'billing' as const }),
      status: found ? `CDR found on ${profile.name}.` : `No CDR found on ${profile.name}.`,
    });
    return true;
  }
  if (result.error.kind === 'cancelled') set({ status: 'CDR search cancelled.' });
  // A search the user did not ask for says why it failed without the error banner (Find CDR shows it all).
  else if (atOnce) set({ status: `The CDR could not be searched: ${result.error.message}` });
  else set({ error: result.error });
  return false;
}

export async function cancelFindCdr(): Promise<void> {
  const finding = get().findingCdr;
  if (!finding) return;
  set({ findingCdr: null, status: 'CDR search cancelled.' });
  await getInspector()?.['billing:cancel-find']({ requestId: finding.requestId });
}

/** After a fetch: searches the CDR at once when that is cheap (shared/billing/cdr-search `findsCdrAtOnce`). */
export async function findCdrAfterFetch(loaded: LoadedSession): Promise<boolean> {
  const profile = findsCdrAtOnce(loaded) ? cdrSearchProfile(loaded, get().profiles) : null;
  return profile && mayListCdrs(profile) ? findCdr(true) : false;
}
