// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChecksPanel } from '../../../../renderer/src/features/checks/ChecksPanel';
import { useMapFocus } from '../../../../renderer/src/features/map/map-focus';
import { useAppStore } from '../../../../renderer/src/store/app-store';

afterEach(cleanup);

describe('Show on map', () => {
  it('is offered for each coordinate check and opens the map framed on its points', () => {
    useAppStore.setState({ activeTab: 'timeline' });
    const before = useMapFocus.getState().nonce;
    render(
      <ChecksPanel
        checks={[
          { code: 'COORDINATES_SUSPECT', severity: 'warning', message: 'swapped' },
          { code: 'INVALID_COORDINATES', severity: 'error', message: 'out of range' },
          { code: 'ENERGY_MISMATCH', severity: 'error', message: 'x', periods: [0, 1] },
        ]}
      />,
    );
    const buttons = screen.getAllByRole('button', { name: 'Show on map' });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[0]);
    expect(useAppStore.getState().activeTab).toBe('map');
    expect(useMapFocus.getState().nonce).toBe(before + 1);
  });

  it('shows invisible characters in a check message visibly', () => {
    render(
      <ChecksPanel
        checks={[{ code: 'UNKNOWN_STATUS', severity: 'warning', message: 'EVSE\u202Eexe.txt' }]}
      />,
    );
    expect(screen.getByText('EVSE⟨U+202E⟩exe.txt')).toBeTruthy();
  });
});
