import { useEffect, useRef, useState } from 'react';
import type { Profile } from '../../../../shared/domain/profile';
import type { TimeZoneDisplay } from '../../../../shared/domain/settings';
import { Modal } from '../../app/Modal';
import { DEFAULT_TILE_URL } from '../../../../shared/domain/settings';
import { useAppStore } from '../../store/app-store';
import { deleteProfile, openDialog, updateSettings } from '../../store/actions';
import { FollowSettings } from './FollowSettings';
import { ProfileForm } from './ProfileForm';
import './settings.css';

const ZONES: { value: TimeZoneDisplay; label: string }[] = [
  { value: 'site', label: "The site's zone (location.time_zone; UTC when missing)" },
  { value: 'utc', label: 'UTC' },
  { value: 'local', label: 'This computer' },
];

const TOKEN_TEXT = {
  set: 'token set',
  unset: 'no token',
  memory: 'token for this run',
  unavailable: 'keychain unavailable',
};

export function SettingsDialog() {
  const profiles = useAppStore((s) => s.profiles);
  const tokenStates = useAppStore((s) => s.tokenStates);
  const settings = useAppStore((s) => s.settings);
  const notices = useAppStore((s) => s.notices);
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);
  const [tileUrl, setTileUrl] = useState(settings.tileUrl);
  /** Delete asks twice, inline: no blocking confirm() dialog. */
  const [confirming, setConfirming] = useState<string | null>(null);
  // Closing the form removes the focused button: focus goes back to what opened it, inside the dialog,
  // so the keyboard (Tab, Esc) keeps working.
  const dialogBody = useRef<HTMLElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<string | null>(null);
  useEffect(() => {
    if (editing !== null || returnFocusTo.current === null) return;
    const key = returnFocusTo.current;
    const target = [...(dialogBody.current?.querySelectorAll<HTMLElement>('[data-focus-key]') ?? [])].find(
      (el) => el.dataset.focusKey === key,
    );
    (target ?? addButton.current)?.focus();
    returnFocusTo.current = null;
  }, [editing]);
  const closeForm = (): void => {
    returnFocusTo.current = editing === 'new' || editing === null ? 'add' : `edit-${editing.id}`;
    setEditing(null);
  };

  return (
    <Modal title="Settings" onClose={() => openDialog(null)} wide>
      {notices.map((n, i) => (
        <p key={i} className="note" role="note">
          {n}
        </p>
      ))}
      <section aria-labelledby="profiles-heading" className="settings__section" ref={dialogBody}>
        <div className="panel__header">
          <h3 id="profiles-heading">Profiles</h3>
          <button
            type="button"
            className="button button--small"
            onClick={() => setEditing('new')}
            ref={addButton}
            data-focus-key="add"
          >
            Add profile
          </button>
        </div>
        {editing !== null ? (
          <ProfileForm
            key={editing === 'new' ? 'new' : editing.id}
            initial={editing === 'new' ? null : editing}
            onDone={closeForm}
          />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Base URL</th>
                <th scope="col">Flavour</th>
                <th scope="col">Token</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {profiles.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>
                    <code>{p.baseUrl}</code>
                  </td>
                  <td>{p.flavour}</td>
                  <td>{p.demo ? 'not needed' : TOKEN_TEXT[tokenStates[p.id]?.status ?? 'unset']}</td>
                  <td className="actions">
                    {!p.demo && (
                      <>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setEditing(p)}
                          aria-label={`Edit ${p.name}`}
                          data-focus-key={`edit-${p.id}`}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => openDialog({ kind: 'token', profileId: p.id, memoryOnly: false })}
                          aria-label={`Token for ${p.name}`}
                        >
                          Token…
                        </button>
                        <button
                          type="button"
                          className="link-button link-button--danger"
                          onClick={() => {
                            if (confirming === p.id) void deleteProfile(p.id);
                            setConfirming(confirming === p.id ? null : p.id);
                          }}
                          aria-label={
                            confirming === p.id ? `Really delete ${p.name} and its token` : `Delete ${p.name}`
                          }
                        >
                          {confirming === p.id ? 'Really delete?' : 'Delete'}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="map-heading" className="settings__section">
        <h3 id="map-heading">Map tiles</h3>
        <form
          className="form__row"
          onSubmit={(e) => {
            e.preventDefault();
            void updateSettings({ tileUrl: tileUrl.trim() || DEFAULT_TILE_URL });
          }}
        >
          <label className="form__field form__field--grow">
            <span>Tile URL template</span>
            <input value={tileUrl} onChange={(e) => setTileUrl(e.target.value)} spellCheck={false} />
          </label>
          {/* Named apart from the other sections' Save and Default for a screen reader. */}
          <button type="submit" className="button" aria-label="Save tile server">
            Save
          </button>
          <button
            type="button"
            className="button"
            aria-label="Default tile server"
            onClick={() => {
              setTileUrl(DEFAULT_TILE_URL);
              void updateSettings({ tileUrl: DEFAULT_TILE_URL });
            }}
          >
            Default
          </button>
        </form>
        <p className="muted">With no network the map falls back to a bundled Natural Earth basemap.</p>
      </section>
      <fieldset className="settings__section">
        <legend>Show times in</legend>
        {ZONES.map((z) => (
          <label key={z.value} className="form__check">
            <input
              type="radio"
              name="time-zone"
              value={z.value}
              checked={settings.timeZone === z.value}
              onChange={() => void updateSettings({ timeZone: z.value })}
            />
            <span>{z.label}</span>
          </label>
        ))}
      </fieldset>
      <FollowSettings />
    </Modal>
  );
}
