import { describe, expect, it } from 'vitest';
import { filesFromArgv } from '../../../electron/main/launch-files';

describe('files named on the command line', () => {
  it('takes the .json files after the executable, absolute, and skips flags and the app folder', () => {
    expect(
      filesFromArgv(
        [
          '/opt/Session Inspector/session-inspector',
          '--no-sandbox',
          'a/101.ocpi-session.json',
          '/tmp/raw.JSON',
          '.',
        ],
        '/home/eng',
      ),
    ).toEqual(['/home/eng/a/101.ocpi-session.json', '/tmp/raw.JSON']);
    expect(filesFromArgv(['electron', '.', '--inspect=9229'], '/x')).toEqual([]);
    expect(filesFromArgv(['/app.exe', 'C:/Users/x/s.json'], 'C:/')).toHaveLength(1);
  });
});
