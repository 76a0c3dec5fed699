/** Small JSON files in the user-data folder: read with corrupt-file recovery, written atomically. */
import { readFile, rename } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-file';

export type JsonFileRead =
  | { kind: 'missing' }
  | { kind: 'ok'; value: unknown }
  /** The file could not be parsed and was moved aside so the app can start; tell the user where. */
  | { kind: 'corrupt'; movedTo: string };

export async function readJsonFile(path: string, now: () => Date = () => new Date()): Promise<JsonFileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch {
    const movedTo = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, movedTo);
    return { kind: 'corrupt', movedTo };
  }
}

export function writeJsonFile(path: string, value: unknown): Promise<void> {
  return writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}
