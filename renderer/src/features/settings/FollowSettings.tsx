/**
 * Settings → Live follow: the Follow interval and the SESSION_STALE threshold. Each field is checked by
 * the one rule main applies too (shared/domain/settings-follow.ts); a bad value is named and kept in the
 * field, nothing is saved until both are good.
 */
import { useState, type FormEvent } from 'react';
import {
  checkFollowSeconds,
  checkStaleMinutes,
  FOLLOW_SECONDS,
  STALE_MINUTES,
} from '../../../../shared/domain/settings-follow';
import { updateSettings } from '../../store/actions';
import { useAppStore } from '../../store/app-store';

export function FollowSettings() {
  const settings = useAppStore((s) => s.settings);
  const [seconds, setSeconds] = useState(String(settings.followSeconds));
  const [minutes, setMinutes] = useState(String(settings.staleMinutes));
  const [errors, setErrors] = useState<{ seconds?: string; minutes?: string }>({});
  const [saved, setSaved] = useState(false);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const s = checkFollowSeconds(seconds, true);
    const m = checkStaleMinutes(minutes, true);
    setErrors({
      ...(s.ok ? {} : { seconds: `${s.error.message} ${s.error.hint}` }),
      ...(m.ok ? {} : { minutes: `${m.error.message} ${m.error.hint}` }),
    });
    setSaved(s.ok && m.ok);
    if (s.ok && m.ok) void updateSettings({ followSeconds: s.value, staleMinutes: m.value });
  };
  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setSaved(false);
  };

  return (
    <section aria-labelledby="follow-heading" className="settings__section">
      <h3 id="follow-heading">Live follow (OCPI)</h3>
      <form className="form__row" onSubmit={submit} noValidate data-testid="follow-settings">
        <label className="form__field settings__number">
          <span>Follow re-fetches every (seconds)</span>
          <input
            inputMode="numeric"
            value={seconds}
            onChange={(e) => edit(setSeconds)(e.target.value)}
            aria-invalid={errors.seconds !== undefined}
            aria-describedby={errors.seconds ? 'follow-seconds-error' : undefined}
          />
        </label>
        <label className="form__field settings__number">
          <span>Stale after (minutes without an update)</span>
          <input
            inputMode="numeric"
            value={minutes}
            onChange={(e) => edit(setMinutes)(e.target.value)}
            aria-invalid={errors.minutes !== undefined}
            aria-describedby={errors.minutes ? 'stale-minutes-error' : undefined}
          />
        </label>
        <button type="submit" className="button" aria-label="Save follow settings">
          Save
        </button>
        <button
          type="button"
          className="button"
          aria-label="Default follow settings"
          onClick={() => {
            setSeconds(String(FOLLOW_SECONDS.default));
            setMinutes(String(STALE_MINUTES.default));
            setErrors({});
            setSaved(true);
            void updateSettings({
              followSeconds: FOLLOW_SECONDS.default,
              staleMinutes: STALE_MINUTES.default,
            });
          }}
        >
          Default
        </button>
        {saved && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
      </form>
      {errors.seconds && (
        <p className="settings__error" id="follow-seconds-error" role="alert">
          {errors.seconds}
        </p>
      )}
      {errors.minutes && (
        <p className="settings__error" id="stale-minutes-error" role="alert">
          {errors.minutes}
        </p>
      )}
      <p className="muted">
        Follow is offered for ACTIVE and PENDING sessions fetched on an OCPI profile ({FOLLOW_SECONDS.min}–
        {FOLLOW_SECONDS.max} s). SESSION_STALE warns when an ACTIVE session&apos;s last_updated is older than
        this at fetch time ({STALE_MINUTES.min}–{STALE_MINUTES.max} min); it applies to the next fetch, search
        or follow.
      </p>
    </section>
  );
}
