/**
 * The search view's own store (apart from the app store): filters, the rows as they stream in (one array
 * appended in place, `version` bumped per page, so 10,000 rows are not copied per page), progress, the end.
 */
import { create } from 'zustand';
import type { SearchDoneEvent, SearchProgressEvent, SearchRow } from '../../../../shared/domain/search';
import type { AppError } from '../../../../shared/domain/errors';
import { isoInZone, localZone } from '../../../../shared/present/time';
import type { SortOrder } from './search-table';

export interface SearchState {
  open: boolean;
  /** `datetime-local` values (local time) of the last_updated window. */
  fromText: string;
  toText: string;
  status: string;
  text: string;
  searchId: string | null;
  running: boolean;
  rows: SearchRow[];
  version: number;
  progress: SearchProgressEvent | null;
  done: SearchDoneEvent | null;
  error: AppError | null;
  sort: SortOrder | null;
  onlyWithFindings: boolean;
}

/** A `datetime-local` value for an instant, in this computer's zone. */
export const localInput = (ms: number): string => isoInZone(ms, localZone()).slice(0, 16);

const HOUR = 3_600_000;

export const initialSearchState = (now = Date.now()): SearchState => ({
  open: false,
  fromText: localInput(now - 24 * HOUR),
  toText: localInput(now + HOUR),
  status: '',
  text: '',
  searchId: null,
  running: false,
  rows: [],
  version: 0,
  progress: null,
  done: null,
  error: null,
  sort: null,
  onlyWithFindings: false,
});

export const useSearchStore = create<SearchState>()(() => initialSearchState());
