import type { CliIo } from '../../cli/io';

/** A CliIo that records stdout and stderr and serves `stdin`, for running CLI commands in-process. */
export function memoryIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    readStdin: async () => stdin,
    env: {},
  };
  return io;
}
