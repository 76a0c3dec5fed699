/** App settings the user picks in the Settings dialog; stored by main in the user-data folder. */

export const TIME_ZONE_DISPLAYS = ['utc', 'local', 'site'] as const;
export type TimeZoneDisplay = (typeof TIME_ZONE_DISPLAYS)[number];

/** OpenStreetMap's standard tiles, the one default tile server (main and renderer). */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export interface Settings {
  /** Leaflet URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  tileUrl: string;
  timeZone: TimeZoneDisplay;
  activeProfileId: string | null;
  /** Live follow re-fetches every this many seconds (bounds in settings-follow.ts). */
  followSeconds: number;
  /** An ACTIVE session not updated for more than this many minutes at fetch time is SESSION_STALE. */
  staleMinutes: number;
}
