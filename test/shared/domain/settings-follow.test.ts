/** The follow interval and stale threshold: whole numbers within their bounds, with a message that says so. */
import { describe, expect, it } from 'vitest';
import {
  checkFollowSeconds,
  checkStaleMinutes,
  FOLLOW_SECONDS,
  STALE_MINUTES,
} from '../../../shared/domain/settings-follow';
import { parseSettingsPatch } from '../../../shared/ipc/validate';

const message = (r: { ok: boolean; error?: { message: string; hint: string } }): string =>
  r.ok ? '' : `${r.error?.message} ${r.error?.hint}`;

describe('follow settings bounds', () => {
  it('defaults to 30 s and 15 minutes, inside their bounds', () => {
    expect(FOLLOW_SECONDS).toEqual({ min: 5, max: 3600, default: 30 });
    expect(STALE_MINUTES).toEqual({ min: 1, max: 1440, default: 15 });
  });

  it('accepts the bounds themselves and refuses one past them', () => {
    expect(checkFollowSeconds(5)).toEqual({ ok: true, value: 5 });
    expect(checkFollowSeconds(3600)).toEqual({ ok: true, value: 3600 });
    expect(checkFollowSeconds(4).ok).toBe(false);
    expect(checkFollowSeconds(3601).ok).toBe(false);
    expect(checkStaleMinutes(1)).toEqual({ ok: true, value: 1 });
    expect(checkStaleMinutes(1440)).toEqual({ ok: true, value: 1440 });
    expect(checkStaleMinutes(0).ok).toBe(false);
    expect(checkStaleMinutes(1441).ok).toBe(false);
  });

  it('names the bounds, the unit, the bad value and the default', () => {
    expect(message(checkFollowSeconds(2))).toBe(
      'The follow interval must be a whole number of seconds from 5 to 3600; 2 is not. Type e.g. 30 (the default).',
    );
    expect(message(checkStaleMinutes('abc', true))).toBe(
      'The stale threshold must be a whole number of minutes from 1 to 1440; "abc" is not. Type e.g. 15 (the default).',
    );
    expect(message(checkStaleMinutes('', true))).toBe(
      'The stale threshold must be a whole number of minutes from 1 to 1440. Type e.g. 15 (the default).',
    );
  });

  it('refuses fractions, NaN, Infinity and non-numbers', () => {
    for (const bad of [7.5, NaN, Infinity, -10, null, true, {}, [30]])
      expect(checkFollowSeconds(bad).ok, String(bad)).toBe(false);
  });

  it('reads the dialog text (trimmed) only when asked: stored and IPC values must be numbers', () => {
    expect(checkFollowSeconds(' 45 ', true)).toEqual({ ok: true, value: 45 });
    expect(checkFollowSeconds('45').ok).toBe(false);
    expect(checkFollowSeconds('4.5', true).ok).toBe(false);
    expect(checkFollowSeconds('1e2', true)).toEqual({ ok: true, value: 100 });
  });

  it('settings:update checks both by the same rule', () => {
    expect(parseSettingsPatch({ followSeconds: 10, staleMinutes: 60 })).toEqual({
      ok: true,
      value: { followSeconds: 10, staleMinutes: 60 },
    });
    expect(message(parseSettingsPatch({ followSeconds: 1 }))).toMatch(
      /follow interval .* 5 to 3600; 1 is not/,
    );
    expect(message(parseSettingsPatch({ staleMinutes: '20' }))).toMatch(
      /stale threshold .* 1 to 1440; "20" is not/,
    );
  });
});
