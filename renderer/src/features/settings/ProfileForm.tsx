import { useState } from 'react';
import type { FormEvent } from 'react';
import { API_FLAVOURS, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUTS } from '../../../../shared/domain/profile';
import type { ApiFlavour, AuthScheme, Profile, ProfileInput } from '../../../../shared/domain/profile';
import { saveProfile } from '../../store/actions';

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
  const update = (patch: Partial<ProfileInput>): void => setDraft((d) => ({ ...d, ...patch }));
  const authKind = draft.auth.kind;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const ok = await saveProfile(draft);
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
        <input required value={draft.name} onChange={(e) => update({ name: e.target.value })} />
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
