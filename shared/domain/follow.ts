/** One tick of live follow, as `session:follow` answers it. */
import type { LoadedSession } from './loaded-session';

export interface FollowUpdate {
  /** The session as the server has it now, under the same key (so the view keeps its zoom). */
  loaded: LoadedSession;
  /** False when the server had nothing newer. */
  updated: boolean;
  /** False once the session is no longer ACTIVE or PENDING: the renderer stops its timer. */
  followable: boolean;
}
