/**
 * The harness's stand-in for the OS file dialogs: answers come from queues the test fills; with nothing
 * queued, Save writes into the harness's export folder under the suggested name, Open cancels and Confirm
 * says yes. Every question asked is recorded so tests can check what the app asked for.
 */
import { join } from 'node:path';
import type { Dialogs } from '../../electron/main/ipc/dialogs';

export type DialogQuestion =
  | { kind: 'open' }
  | { kind: 'save'; suggestedName: string; extensions: string[] }
  | { kind: 'confirm'; message: string };

export class ScriptedDialogs implements Dialogs {
  readonly openPaths: (string | null)[] = [];
  readonly savePaths: (string | null)[] = [];
  readonly confirmAnswers: boolean[] = [];
  readonly asked: DialogQuestion[] = [];

  constructor(private readonly exportDir: string) {}

  async chooseOpenPath(): Promise<string | null> {
    this.asked.push({ kind: 'open' });
    return this.openPaths.shift() ?? null;
  }

  async chooseSavePath(
    suggestedName: string,
    filters: { name: string; extensions: string[] }[],
  ): Promise<string | null> {
    this.asked.push({
      kind: 'save',
      suggestedName,
      extensions: filters.flatMap((filter) => filter.extensions),
    });
    const queued = this.savePaths.shift();
    return queued === undefined ? join(this.exportDir, suggestedName) : queued;
  }

  async confirm(message: string): Promise<boolean> {
    this.asked.push({ kind: 'confirm', message });
    return this.confirmAnswers.shift() ?? true;
  }
}
