/**
 * The live-follow settings: how often Follow re-fetches (seconds) and after how many minutes without an
 * update an ACTIVE session is SESSION_STALE. One rule for their bounds, used by the IPC parser (so a
 * settings file or a caller cannot store a bad value) and by the Settings dialog (to say what is wrong
 * before anything is sent).
 */
import { appError, type Result } from './errors';

export interface Bounds {
  min: number;
  max: number;
  default: number;
}

/** Under 5 s a CPO would see a poll storm; over an hour Follow is no longer live. */
export const FOLLOW_SECONDS: Bounds = { min: 5, max: 3600, default: 30 };
/** A minute up to a day: a CPO may push less often than every minute, and a day-old ACTIVE session is stale. */
export const STALE_MINUTES: Bounds = { min: 1, max: 1440, default: 15 };

/**
 * `raw` as a whole number within `bounds`. Stored and IPC values must be numbers; with `fromText` (the
 * dialog's field) the text "30" counts as its number.
 */
function checkWhole(
  raw: unknown,
  bounds: Bounds,
  what: string,
  unit: string,
  fromText: boolean,
): Result<number> {
  const n = fromText && typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
  if (typeof n === 'number' && Number.isInteger(n) && n >= bounds.min && n <= bounds.max)
    return { ok: true, value: n };
  const shown =
    typeof n === 'number' && !Number.isNaN(n)
      ? `; ${n} is not`
      : typeof raw === 'string' && raw.trim() !== ''
        ? `; "${raw.trim().slice(0, 20)}" is not`
        : '';
  return {
    ok: false,
    error: appError(
      'invalid-argument',
      `${what} must be a whole number of ${unit} from ${bounds.min} to ${bounds.max}${shown}.`,
      `Type e.g. ${bounds.default} (the default).`,
    ),
  };
}

export const checkFollowSeconds = (raw: unknown, fromText = false): Result<number> =>
  checkWhole(raw, FOLLOW_SECONDS, 'The follow interval', 'seconds', fromText);

export const checkStaleMinutes = (raw: unknown, fromText = false): Result<number> =>
  checkWhole(raw, STALE_MINUTES, 'The stale threshold', 'minutes', fromText);
