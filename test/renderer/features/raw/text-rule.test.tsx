// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { RawPanel } from '../../../../renderer/src/features/raw/RawPanel';
import { dropTooLarge, openDroppedFile } from '../../../../renderer/src/store/actions';
import { initialState, useAppStore } from '../../../../renderer/src/store/app-store';
import { readSessionFile } from '../../../../shared/export/import';
import { MAX_SESSION_FILE_BYTES } from '../../../../shared/input/limits';
import { installFakeBridge } from '../../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../../fixtures';

afterEach(cleanup);

describe('the one text rule in the renderer', () => {
  it('the Raw tab shows a BOM file as the JSON it is, like the reader that opened it', () => {
    const text = `\uFEFF${JSON.stringify(SESSION_JSON)}`;
    const read = readSessionFile(text, 'bom.json');
    if (!read.ok) throw new Error(read.error.message);
    render(<RawPanel loaded={{ ...read.value, key: 'k' }} />);
    expect(screen.queryByText(/not JSON/)).toBeNull();
    expect(screen.getByTestId('raw-panel').textContent).toContain('response');
  });

  it('a dropped UTF-16 file reaches main as its decoded text', async () => {
    useAppStore.setState(initialState, true); // no session shown: a drop opens, it does not attach
    const bridge = installFakeBridge(loadedFrom(SESSION_JSON));
    const json = JSON.stringify({ id: 'x' });
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    await openDroppedFile(new File([bytes], 'windows.json'));
    expect(bridge.api['session:open-text']).toHaveBeenCalledWith({ fileName: 'windows.json', text: json });
  });

  it('a drop has the same cap and message as Open', () => {
    expect(dropTooLarge({ name: 'a.json', size: MAX_SESSION_FILE_BYTES })).toBeNull();
    expect(dropTooLarge({ name: 'a.json', size: MAX_SESSION_FILE_BYTES + 1 })).toMatchObject({
      kind: 'file-too-large',
      message: 'a.json is 256.0 MiB, more than the 256.0 MiB a session file may be.',
    });
  });
});
