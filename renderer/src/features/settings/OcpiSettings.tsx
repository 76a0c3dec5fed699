/**
 * The OCPI part of a profile: where discovery starts (versions URL or version details URL), a fixed version,
 * the party for Receiver GETs, the hub's routing parties and the token form; the endpoints discovery kept
 * (with Refresh), and Test connection, which says step by step what works and what to change.
 */
import { useState } from 'react';
import type { ConnectionTestResult } from '../../../../shared/domain/ocpi-connection-report';
import type { Profile } from '../../../../shared/domain/profile';
import type { OcpiProfileSettings } from '../../../../shared/ocpi/profile-settings';
import type { HubParties } from '../../../../shared/ocpi/routing-headers';
import type { TokenForm } from '../../../../shared/ocpi/token-form';
import { getInspector } from '../../bridge';
import { formatTime } from '../../format/format';
import { refreshProfiles } from '../../store/actions';
import { useAppStore } from '../../store/app-store';
import './ocpi-settings.css';

export interface OcpiSettingsProps {
  value: OcpiProfileSettings | undefined;
  onChange(value: OcpiProfileSettings | undefined): void;
  /** The saved profile, which Test connection and Refresh use; null for a new one. */
  saved: Profile | null;
}

/** What the user set, without what discovery found (which Test and Refresh write). */
const userPart = (v: OcpiProfileSettings | undefined): string => {
  if (!v) return '';
  const { discovered: _d, learnedTokenForm: _l, ...rest } = v;
  return JSON.stringify(rest);
};

/** Drops empty fields, so the profile validator sees only what the user set. */
function clean(v: OcpiProfileSettings): OcpiProfileSettings | undefined {
  if (v.versionsUrl.trim() === '') return undefined;
  const hub = Object.fromEntries(Object.entries(v.hub ?? {}).filter(([, x]) => x)) as HubParties;
  const out: OcpiProfileSettings = { ...v, hub };
  if (Object.keys(hub).length === 0) delete out.hub;
  for (const key of ['version', 'countryCode', 'partyId'] as const) if (!out[key]) delete out[key];
  return out;
}

export function OcpiSettings({ value, onChange, saved }: OcpiSettingsProps) {
  const v: OcpiProfileSettings = value ?? { versionsUrl: '' };
  const [report, setReport] = useState<ConnectionTestResult | null>(null);
  const [busy, setBusy] = useState<'test' | 'refresh' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const zone = useAppStore((s) => (s.settings.timeZone === 'utc' ? 'UTC' : undefined));
  const patch = (p: Partial<OcpiProfileSettings>): void => onChange(clean({ ...v, ...p }));
  const hub = (p: Partial<HubParties>): void => patch({ hub: { ...v.hub, ...p } });

  const run = async (kind: 'test' | 'refresh'): Promise<void> => {
    const bridge = getInspector();
    if (!bridge || !saved) return;
    setBusy(kind);
    setProblem(null);
    if (kind === 'test') {
      const r = await bridge['profiles:test-connection']({ profileId: saved.id });
      if (r.ok) {
        setReport(r.value);
        if (r.value.profile.ocpi?.discovered) patch({ discovered: r.value.profile.ocpi.discovered });
      } else setProblem(`${r.error.message} ${r.error.hint}`);
    } else {
      const r = await bridge['profiles:refresh-endpoints']({ profileId: saved.id });
      if (r.ok && r.value.ocpi?.discovered) patch({ discovered: r.value.ocpi.discovered });
      else if (!r.ok) setProblem(`${r.error.message} ${r.error.hint}`);
    }
    setBusy(null);
    void refreshProfiles();
  };

  const canCall = saved !== null && saved.ocpi !== undefined;
  // Test and Refresh use the saved profile, not what the form holds.
  const dirty = userPart(value) !== userPart(saved?.ocpi);
  const discovered = v.discovered;
  return (
    <fieldset className="ocpi-settings" aria-label="OCPI">
      <legend>OCPI discovery</legend>
      <label className="form__field">
        <span>Versions URL (or a version details URL)</span>
        <input
          type="url"
          value={v.versionsUrl}
          placeholder="https://cpo.example/ocpi/versions"
          onChange={(e) => onChange(clean({ ...v, versionsUrl: e.target.value }))}
          spellCheck={false}
        />
      </label>
      {value && (
        <>
          <div className="form__row">
            <label className="form__field">
              <span>Fixed version</span>
              <input
                value={v.version ?? ''}
                placeholder="highest common"
                onChange={(e) => patch({ version: e.target.value })}
              />
            </label>
            <label className="form__field">
              <span>Country code</span>
              <input
                value={v.countryCode ?? ''}
                maxLength={2}
                placeholder="NL"
                onChange={(e) => patch({ countryCode: e.target.value })}
              />
            </label>
            <label className="form__field">
              <span>Party id</span>
              <input
                value={v.partyId ?? ''}
                maxLength={3}
                placeholder="SIN"
                onChange={(e) => patch({ partyId: e.target.value })}
              />
            </label>
            <label className="form__field">
              <span>Token form</span>
              <select
                value={v.tokenForm ?? ''}
                onChange={(e) =>
                  patch({ tokenForm: e.target.value === '' ? undefined : (e.target.value as TokenForm) })
                }
              >
                <option value="">Auto (by version, fallback on 401)</option>
                <option value="base64">Base64</option>
                <option value="plain">Plain</option>
              </select>
            </label>
          </div>
          <div className="form__row">
            {(
              [
                ['toCountryCode', 'Hub to: country', 2],
                ['toPartyId', 'Hub to: party', 3],
                ['fromCountryCode', 'Hub from: country', 2],
                ['fromPartyId', 'Hub from: party', 3],
              ] as const
            ).map(([key, label, max]) => (
              <label key={key} className="form__field">
                <span>{label}</span>
                <input
                  value={v.hub?.[key] ?? ''}
                  maxLength={max}
                  onChange={(e) => hub({ [key]: e.target.value })}
                />
              </label>
            ))}
          </div>
          {v.learnedTokenForm && !v.tokenForm && (
            <p className="note" role="note">
              The server accepted the token only{' '}
              {v.learnedTokenForm === 'base64' ? 'Base64-encoded' : 'plain'}; this profile remembers that.
            </p>
          )}
          <div className="ocpi-settings__endpoints">
            <div className="form__row">
              <strong>
                Endpoints
                {discovered
                  ? ` (OCPI ${discovered.version}, ${formatTime(Date.parse(discovered.at), zone)})`
                  : ' (not discovered yet)'}
              </strong>
              <span className="spacer" />
              <button
                type="button"
                className="button button--small"
                disabled={!canCall || busy !== null}
                onClick={() => void run('refresh')}
              >
                {busy === 'refresh' ? 'Refreshing…' : 'Refresh'}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={!canCall || busy !== null}
                onClick={() => void run('test')}
              >
                {busy === 'test' ? 'Testing…' : 'Test connection'}
              </button>
            </div>
            {!canCall && <p className="note">Save the profile with its versions URL to test it.</p>}
            {canCall && dirty && (
              <p className="note">Test and Refresh use the saved profile; save your changes first.</p>
            )}
            {discovered && (
              <table className="ocpi-settings__table" aria-label="Discovered endpoints">
                <thead>
                  <tr>
                    <th>Identifier</th>
                    <th>Role</th>
                    <th>URL</th>
                  </tr>
                </thead>
                <tbody>
                  {discovered.endpoints.map((e) => (
                    <tr key={`${e.identifier} ${e.role ?? ''} ${e.url}`}>
                      <td>{e.identifier}</td>
                      <td>{e.role ?? '—'}</td>
                      <td className="ocpi-settings__url">{e.url}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          {problem && (
            <p className="note note--error" role="alert">
              {problem}
            </p>
          )}
          {report && (
            <ol className="ocpi-settings__steps" aria-label="Connection test" data-testid="connection-test">
              {report.steps.map((step) => (
                <li key={step.name} className={step.ok ? 'is-ok' : 'is-failed'}>
                  <strong>
                    {step.ok ? '✓' : '✗'}{' '}
                    {step.name === 'discovery' ? 'Discovery' : 'Sessions list (limit=1)'}
                  </strong>{' '}
                  {step.message}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </fieldset>
  );
}
