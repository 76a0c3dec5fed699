/**
 * Local time in an IANA zone (the Location's `time_zone`) for tariff restrictions, with DST right.
 * `Intl` gives the offset; asking it for each of 200,000 periods would cost more than the JSON parse, so
 * offsets are cached per UTC day and a day whose offset changes is searched to the minute for its transition
 * (zones change offset at most once a day, always on a whole UTC minute).
 */
const DAY = 86_400_000;
const MINUTE = 60_000;
/** Longer spans are not searched for transitions (a session is hours; this is a guard against bad data). */
const MAX_DAYS = 800;

interface DayOffsets {
  /** Offset (ms) from the day's start until `transition`, and from it to the day's end. */
  before: number;
  after: number;
  transition: number;
}

export class ZoneClock {
  /** The zone actually used: the one asked for, or `UTC` when it is unknown or not a valid IANA name. */
  readonly zone: string;
  readonly valid: boolean;
  private readonly format: Intl.DateTimeFormat | null;
  private readonly days = new Map<number, DayOffsets>();
  // The last constant-offset interval found: consecutive periods mostly fall in it.
  private lo = Infinity;
  private hi = -Infinity;
  private offset = 0;

  constructor(timeZone: string | null) {
    let format: Intl.DateTimeFormat | null = null;
    if (timeZone) {
      try {
        format = new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
      } catch {
        format = null;
      }
    }
    this.format = format;
    this.valid = format !== null;
    this.zone = format ? format.resolvedOptions().timeZone : 'UTC';
  }

  /** Offset of local time from UTC at instant `t` (ms; +3,600,000 for CET). */
  offsetAt(t: number): number {
    if (t >= this.lo && t < this.hi) return this.offset;
    if (!this.format) return 0;
    const dayStart = Math.floor(t / DAY) * DAY;
    const d = this.dayOffsets(dayStart);
    if (t < d.transition) {
      this.lo = dayStart;
      this.hi = d.transition;
      this.offset = d.before;
    } else {
      this.lo = d.transition;
      this.hi = dayStart + DAY;
      this.offset = d.after;
    }
    return this.offset;
  }

  /** Milliseconds since local midnight and the local day (days since 1970-01-01) at instant `t`. */
  local(t: number): { day: number; msOfDay: number } {
    const local = t + this.offsetAt(t);
    const day = Math.floor(local / DAY);
    return { day, msOfDay: local - day * DAY };
  }

  /** The instant a local wall-clock time (ms since 1970-01-01, local) happens; in a DST gap, just after it. */
  instantOf(localMs: number): number {
    const guess = localMs - this.offsetAt(localMs);
    return localMs - this.offsetAt(guess);
  }

  /** Instants in [from, to] where the offset changes. */
  transitionsBetween(from: number, to: number): number[] {
    const out: number[] = [];
    if (!this.format || !(to >= from)) return out;
    const first = Math.floor(from / DAY) * DAY;
    const last = Math.min(to, first + MAX_DAYS * DAY);
    for (let day = first; day <= last; day += DAY) {
      const d = this.dayOffsets(day);
      if (d.before !== d.after && d.transition >= from && d.transition <= to) out.push(d.transition);
    }
    return out;
  }

  private dayOffsets(dayStart: number): DayOffsets {
    const cached = this.days.get(dayStart);
    if (cached) return cached;
    const before = this.rawOffset(dayStart);
    const after = this.rawOffset(dayStart + DAY);
    let transition = dayStart + DAY;
    if (before !== after) {
      // Binary search, to the minute, for the first instant with the new offset.
      let lo = dayStart;
      let hi = dayStart + DAY;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (this.rawOffset(mid) === before) lo = mid;
        else hi = mid;
      }
      transition = hi;
    }
    const result = { before, after, transition };
    this.days.set(dayStart, result);
    return result;
  }

  private rawOffset(t: number): number {
    const parts = this.format!.formatToParts(new Date(t));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
    );
    return wall - Math.floor(t / 1000) * 1000;
  }
}
