/**
 * An append-only log file with a size cap: when the next line would pass `maxBytes`, `main.log` becomes
 * `main.log.1` (older files shift up, the oldest beyond `keep` is dropped). Synchronous appends, so lines
 * stay in order and a crash loses nothing already logged; lines are short and rare (one per fetch or error).
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RotatingFileOptions {
  /** Largest size of one file, in bytes. */
  maxBytes: number;
  /** How many rotated files to keep beside the current one. */
  keep: number;
}

export const DEFAULT_ROTATION: RotatingFileOptions = { maxBytes: 1024 * 1024, keep: 2 };

export class RotatingFile {
  private size: number;

  constructor(
    readonly path: string,
    private readonly options: RotatingFileOptions = DEFAULT_ROTATION,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.size = sizeOf(path);
  }

  append(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    // 0600: the log names hosts and session ids the user works with.
    appendFileSync(this.path, line, { mode: 0o600 });
    this.size += bytes;
  }

  private rotate(): void {
    rmSync(`${this.path}.${this.options.keep}`, { force: true });
    for (let n = this.options.keep - 1; n >= 1; n--)
      renameIfExists(`${this.path}.${n}`, `${this.path}.${n + 1}`);
    if (this.options.keep > 0) renameIfExists(this.path, `${this.path}.1`);
    else rmSync(this.path, { force: true });
    this.size = 0;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function renameIfExists(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
