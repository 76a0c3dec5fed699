/**
 * "Show on map" for a coordinate check: opens the Map tab and asks the map to frame every point the
 * check is about (the site, its probable position, the EVSEs). The Checks panel calls `showOnMap`.
 */
import { create } from 'zustand';
import { selectTab } from '../../store/actions';

export const useMapFocus = create<{ nonce: number }>()(() => ({ nonce: 0 }));

export function showOnMap(): void {
  selectTab('map');
  useMapFocus.setState((s) => ({ nonce: s.nonce + 1 }));
}
