import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import {
  API_FLAVOURS,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUTS,
  tokenOriginChanged,
} from '../../../../shared/domain/profile';
import type {
  ApiFlavour,
  AuthScheme,
  Profile,
  ProfileInput,
  ProfileSave,
} from '../../../../shared/domain/profile';
import { useAppStore } from '../../store/app-store';
import { saveProfile } from '../../store/actions';
import { OcpiSettings } from './OcpiSettings';

const MB = 1024 * 1024;

export function emptyProfile(): ProfileInput {
  return {
    name: '',
    baseUrl: 'https://',
    flavour: 'ocpi-2.2.1',
    auth: { kind: 'token' },
    base64Token: false,
    timeouts: { ...DEFAULT_TIMEOUTS },
    maxBytes: DEFAULT_MAX_BYTES,
  };
}

export function ProfileForm({ initial, onDone }: { initial: Profile | null; onDone(): void }) {
  const [draft, setDraft] = useState<ProfileInput>(() => {
    if (!initial) return emptyProfile();
    const { demo: _demo, ...rest } = initial;
    return rest;
  });
  const [busy, setBusy] = useState(false);
  const [keepToken, setKeepToken] = useState(false);
  const tokenStatus = useAppStore((s) => (initial ? s.tokenStates[initial.id]?.status : undefined));
  const name = useRef<HTMLInputElement>(null);
  useEffect(() => name.current?.focus(), []);
  const update = (patch: Partial<ProfileInput>): void => setDraft((d) => ({ ...d, ...patch }));
  const authKind = draft.auth.kind;
  // The token was given for the saved origin; moving the profile elsewhere must not take it along unasked.
  const hasToken = tokenStatus === 'set' || tokenStatus === 'memory';
  const originMoves = initial !== null && hasToken && tokenOriginChanged(initial, draft);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const toSave: ProfileSave = originMoves && keepToken ? { ...draft, keepTokenForNewOrigin: true } : draft;
    const ok = await saveProfile(toSave);
    setBusy(false);
    if (ok) onDone();
  };

  return (
    <form
      className="form profile-form"
      onSubmit={(e) => void submit(e)}
      aria-label={initial ? `Edit ${initial.name}` : 'New profile'}
    >
      <label className="form__field">
        <span>Name</span>
        <input ref={name} required value={draft.name} onChange={(e) => update({ name: e.target.value })} />
      </label>
      <label className="form__field">
        <span>Base URL</span>
        <input
          required
          type="url"
          value={draft.baseUrl}
          onChange={(e) => update({ baseUrl: e.target.value })}
          spellCheck={false}
        />
      </label>
      {originMoves && (
        <div className="note" role="note" data-testid="token-origin-note">
          <p>
            The token of this profile was given for <code>{originLabel(initial.baseUrl)}</code>. Saving with
            the new address clears it, so it is never sent to <code>{originLabel(draft.baseUrl)}</code> unless
            you say so.
          </p>
          <label className="form__check">
            <input type="checkbox" checked={keepToken} onChange={(e) => setKeepToken(e.target.checked)} />
            <span>Keep the token and send it to {originLabel(draft.baseUrl)}</span>
          </label>
        </div>
      )}
      <div className="form__row">
        <label className="form__field">
          <span>API flavour</span>
          <select value={draft.flavour} onChange={(e) => update({ flavour: e.target.value as ApiFlavour })}>
            {API_FLAVOURS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label className="form__field">
          <span>Auth header</span>
          <select
            value={authKind}
            onChange={(e) => {
              const kind = e.target.value;
              const auth: AuthScheme =
                kind === 'header'
                  ? { kind: 'header', name: 'X-Api-Key' }
                  : { kind: kind === 'bearer' ? 'bearer' : 'token' };
              update({ auth });
            }}
          >
            <option value="token">Authorization: Token …</option>
            <option value="bearer">Authorization: Bearer …</option>
            <option value="header">Custom header</option>
          </select>
        </label>
        {draft.auth.kind === 'header' && (
          <label className="form__field">
            <span>Header name</span>
            <input
              required
              value={draft.auth.name}
              onChange={(e) => update({ auth: { kind: 'header', name: e.target.value } })}
            />
          </label>
        )}
      </div>
      <label className="form__check">
        <input
          type="checkbox"
          checked={draft.base64Token}
          onChange={(e) => update({ base64Token: e.target.checked })}
        />
        <span>Send the token Base64-encoded (many OCPI 2.2 servers expect it)</span>
      </label>
      <div className="form__row">
        <label className="form__field">
          <span>Connect timeout (s)</span>
          <input
            type="number"
            min={1}
            value={draft.timeouts.connectMs / 1000}
            onChange={(e) =>
              update({ timeouts: { ...draft.timeouts, connectMs: Number(e.target.value) * 1000 } })
            }
          />
        </label>
        <label className="form__field">
          <span>Total timeout (s)</span>
          <input
            type="number"
            min={1}
            value={draft.timeouts.totalMs / 1000}
            onChange={(e) =>
              update({ timeouts: { ...draft.timeouts, totalMs: Number(e.target.value) * 1000 } })
            }
          />
        </label>
        <label className="form__field">
          <span>Max response (MB)</span>
          <input
            type="number"
            min={1}
            value={Math.round(draft.maxBytes / MB)}
            onChange={(e) => update({ maxBytes: Number(e.target.value) * MB })}
          />
        </label>
      </div>
      <OcpiSettings
        value={draft.ocpi}
        onChange={(ocpi) => setDraft(({ ocpi: _old, ...d }) => (ocpi ? { ...d, ocpi } : d))}
        saved={initial}
      />
      <div className="form__actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          Save profile
        </button>
      </div>
    </form>
  );
}

/** `scheme://host[:port]` of a URL being typed, or the text itself while it is not a URL yet. */
function originLabel(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
