// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ExportMenu } from '../../../../renderer/src/features/export/ExportMenu';
import { initialState, useAppStore } from '../../../../renderer/src/store/app-store';
import { installFakeBridge } from '../../fake-bridge';
import { loadedFrom, SESSION_JSON } from '../../fixtures';

const loaded = loadedFrom(SESSION_JSON);
let api: ReturnType<typeof installFakeBridge>['api'];
beforeEach(() => {
  useAppStore.setState({ ...initialState, loaded }, true);
  api = installFakeBridge(loaded).api;
});
afterEach(cleanup);

it.each([
  ['Bundle, redacted (to share)', 'bundle'],
  ['Periods as CSV, redacted', 'csv'],
  ['HTML report, redacted', 'html'],
])('“%s” asks main for a redacted %s export', async (item, format) => {
  render(<ExportMenu />);
  fireEvent.click(screen.getByRole('button', { name: /Export/ }));
  fireEvent.click(screen.getByRole('menuitem', { name: item }));
  await waitFor(() =>
    expect(api['export:session']).toHaveBeenCalledWith({ key: loaded.key, format, redact: true }),
  );
});
