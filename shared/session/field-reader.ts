/**
 * Field-by-field reading of untrusted JSON: every odd field becomes a warning and a null,
 * never a failure of the whole session.
 */
import type { ReaderWarning } from './types';
import { hasZone, parseIsoDate } from './iso-date';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/**
 * Collects warnings. Repeated findings of one kind (say, 200,000 volumes sent as strings)
 * are folded into one warning at the first path, with a count, so the list stays readable.
 */
export class WarningSink {
  private readonly list: ReaderWarning[] = [];
  private readonly groups = new Map<string, { warning: ReaderWarning; count: number }>();

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  /**
   * Raises the count of `group` if it already has a finding. Hot loops call this first so that
   * the 200,000th identical finding costs a map lookup, not a formatted message and path.
   */
  bump(group: string): boolean {
    const existing = this.groups.get(group);
    if (!existing) return false;
    existing.count++;
    return true;
  }

  /** Counts `extra` more findings of a group that hot loops counted themselves. */
  raiseCount(group: string, extra: number): void {
    const existing = this.groups.get(group);
    if (existing) existing.count += extra;
  }

  /** Adds the first finding of `group`; later ones only raise its count. */
  addGrouped(group: string, path: string, message: string): void {
    if (this.bump(group)) return;
    const warning = { path, message };
    this.groups.set(group, { warning, count: 1 });
    this.list.push(warning);
  }

  finish(): ReaderWarning[] {
    for (const { warning, count } of this.groups.values()) {
      if (count > 1) warning.message += ` (and ${count - 1} more like it)`;
    }
    return this.list;
  }
}

export class FieldReader {
  constructor(readonly sink: WarningSink) {}

  /** A string field; numbers are accepted as text, other types warned about. */
  string(obj: JsonObject, key: string, path: string): string | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') {
      this.sink.add(
        childPath(path, key),
        `expected text, got ${typeof value} ${String(value)}; read as text`,
      );
      return String(value);
    }
    this.sink.add(childPath(path, key), `expected text, got ${describe(value)}; ignored`);
    return null;
  }

  number(obj: JsonObject, key: string, path: string): number | null {
    return this.numberValue(obj[key], childPath(path, key), `number:${key}`);
  }

  /** Reads a number that may have been sent as a string; `group` folds repeated warnings. */
  numberValue(value: unknown, path: string, group?: string): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      this.sink.add(path, `not a finite number; ignored`);
      return null;
    }
    if (typeof value === 'string') {
      const parsed = parseNumericText(value);
      if (parsed === null) {
        this.warn(path, `expected a number, got text "${truncate(value)}"; ignored`, group && `${group}:bad`);
        return null;
      }
      this.warn(
        path,
        `number sent as text "${truncate(value)}"; read as ${parsed}`,
        group && `${group}:text`,
      );
      return parsed;
    }
    this.warn(path, `expected a number, got ${describe(value)}; ignored`, group && `${group}:type`);
    return null;
  }

  /** A date-time; no zone → UTC with a warning; unreadable → null with a warning. */
  date(obj: JsonObject, keys: readonly string[], path: string, group?: string): number | null {
    for (const key of keys) {
      const value = obj[key];
      if (value !== undefined && value !== null) return this.dateValue(value, childPath(path, key), group);
    }
    return null;
  }

  /** A date-time as text, or as a `{"$date": …}` object (MongoDB's export form), read with a warning. */
  dateValue(value: unknown, path: string, group?: string): number | null {
    if (typeof value === 'string') return this.dateText(value, path, group);
    if (isObject(value) && '$date' in value) {
      let inner = value.$date;
      if (isObject(inner) && typeof inner.$numberLong === 'string') inner = Number(inner.$numberLong);
      const ms = typeof inner === 'string' ? parseIsoDate(inner) : typeof inner === 'number' ? inner : NaN;
      if (!Number.isFinite(ms)) {
        this.warn(path, `unreadable {"$date": …} date-time; ignored`, group && `${group}:bad`);
        return null;
      }
      this.warn(
        path,
        `date-time sent as a {"$date": …} object; read as ${new Date(ms).toISOString()}`,
        group && `${group}:$date`,
      );
      return ms;
    }
    this.warn(path, `expected a date-time, got ${describe(value)}; ignored`, group && `${group}:type`);
    return null;
  }

  dateText(value: string, path: string, group?: string): number | null {
    const ms = parseIsoDate(value);
    if (!Number.isFinite(ms)) {
      this.warn(path, `unreadable date-time "${truncate(value)}"; ignored`, group && `${group}:bad`);
      return null;
    }
    if (!hasZone(value)) {
      this.warn(
        path,
        `date-time "${truncate(value)}" has no time zone; read as UTC`,
        group && `${group}:zone`,
      );
    }
    if (value.charCodeAt(10) === 32 && /^\d{4}-\d\d-\d\d \d/.test(value)) {
      this.warn(
        path,
        `date-time "${truncate(value)}" has a space instead of "T"; read as ISO-8601`,
        group && `${group}:space`,
      );
    }
    return ms;
  }

  /** An array of strings; other entries are dropped with a warning. */
  stringArray(obj: JsonObject, key: string, path: string): string[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    const p = childPath(path, key);
    if (!Array.isArray(value)) {
      if (typeof value === 'string') {
        this.sink.add(p, 'expected a list, got a single text; read as a list of one');
        return [value];
      }
      this.sink.add(p, `expected a list, got ${describe(value)}; ignored`);
      return [];
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      if (typeof item === 'string') out.push(item);
      else this.sink.add(childPath(p, i), `expected text, got ${describe(item)}; ignored`);
    });
    return out;
  }

  object(obj: JsonObject, key: string, path: string): JsonObject | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (isObject(value)) return value;
    this.sink.add(childPath(path, key), `expected an object, got ${describe(value)}; ignored`);
    return null;
  }

  array(obj: JsonObject, key: string, path: string): unknown[] | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (Array.isArray(value)) return value;
    this.sink.add(childPath(path, key), `expected a list, got ${describe(value)}; ignored`);
    return null;
  }

  private warn(path: string, message: string, group: string | undefined): void {
    if (group) this.sink.addGrouped(group, path, message);
    else this.sink.add(path, message);
  }
}

const NUMERIC_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Number from text like `"0.006"`, `" 12 "`, `"1e3"`; also a decimal comma (`"0,006"`). */
export function parseNumericText(text: string): number | null {
  if (NUMERIC_TEXT.test(text)) return Number(text);
  const comma = text.replace(',', '.');
  if (comma !== text && NUMERIC_TEXT.test(comma)) return Number(comma);
  return null;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `text "${truncate(value)}"`;
  return `${typeof value} ${String(value)}`;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
