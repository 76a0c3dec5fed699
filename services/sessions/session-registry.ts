/** Sessions main keeps by key, so exports work on what the renderer shows; bounded, oldest out first. */
import type { LoadedSession } from '../../shared/domain/loaded-session';

export class SessionRegistry {
  private readonly sessions = new Map<string, LoadedSession>();

  constructor(private readonly capacity = 8) {}

  put(loaded: LoadedSession): void {
    this.sessions.delete(loaded.key);
    this.sessions.set(loaded.key, loaded);
    while (this.sessions.size > this.capacity)
      this.sessions.delete(this.sessions.keys().next().value as string);
  }

  get(key: string): LoadedSession | undefined {
    return this.sessions.get(key);
  }
}
