import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { formatSeconds, summarize } from '../../../../shared/session/summary';
import { CopyButton } from '../../app/CopyButton';
import { useAppStore } from '../../store/app-store';
import { updateSettings } from '../../store/actions';
import { costLines } from './cost-lines';
import { formatNumber, formatTime, maskId, resolveZone } from '../../format/format';
import type { TimeZoneDisplay } from '../../../../shared/domain/settings';
import './details.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function IdRow({ label, value }: { label: string; value: string | null }) {
  return (
    <Row label={label}>
      {value ? <code className="id">{value}</code> : <span className="muted">—</span>}
      <CopyButton text={value} what={label} />
    </Row>
  );
}

export function DetailsPanel({ loaded }: { loaded: LoadedSession }) {
  const s = loaded.session;
  const display = useAppStore((st) => st.settings.timeZone);
  const zone = resolveZone(display, s.location?.timeZone ?? null);
  const summary = useMemo(
    () => summarize({ ok: true, session: loaded.session, warnings: loaded.warnings, checks: loaded.checks }),
    [loaded],
  );
  const [showAuth, setShowAuth] = useState(false);
  const mismatch =
    summary.energyKwh !== null &&
    summary.periodEnergyKwh !== null &&
    Math.abs(summary.energyKwh - summary.periodEnergyKwh) > 0.01;

  return (
    <section className="panel details" aria-labelledby="details-heading" data-testid="details-panel">
      <div className="panel__header">
        <h2 id="details-heading">Details</h2>
        <label className="inline-field">
          <span>Times in</span>
          <select
            value={display}
            onChange={(e) => void updateSettings({ timeZone: e.target.value as TimeZoneDisplay })}
          >
            <option value="site">Site zone</option>
            <option value="utc">UTC</option>
            <option value="local">This computer</option>
          </select>
        </label>
      </div>
      <dl className="kv">
        <Row label="Status">
          <span className={`badge badge--status-${(s.status ?? 'unknown').toLowerCase()}`}>
            {s.status ?? 'unknown'}
          </span>
          <span className="muted"> · {s.shape}</span>
        </Row>
        <IdRow label="Session id" value={s.ids.sessionId ?? s.ids.id} />
        <IdRow label="OCPI id" value={s.ids.id} />
        <IdRow
          label="Country / party"
          value={
            s.ids.countryCode || s.ids.partyId ? `${s.ids.countryCode ?? '?'}*${s.ids.partyId ?? '?'}` : null
          }
        />
        <IdRow label="CPO" value={s.ids.cpoId} />
        <Row label="Start">{formatTime(s.startedAt, zone.zone)}</Row>
        <Row label="End">{formatTime(s.endedAt, zone.zone)}</Row>
        <Row label="Duration">
          {summary.durationSeconds !== null ? formatSeconds(summary.durationSeconds) : '—'}
        </Row>
        <Row label="Zone">
          {zone.label}
          {zone.note && <div className="note">{zone.note}</div>}
        </Row>
        <Row label="Energy">
          <span>{formatNumber(summary.energyKwh)} kWh reported</span>
          <br />
          <span className={mismatch ? 'text-warning' : undefined}>
            {formatNumber(summary.periodEnergyKwh)} kWh summed over {summary.periodCount.toLocaleString('en')}{' '}
            periods
          </span>
          {summary.maxPowerKw !== null && (
            <div className="muted">max {formatNumber(summary.maxPowerKw, 2)} kW</div>
          )}
        </Row>
        <Row label="Cost">
          {s.cost ? (
            costLines(s.cost, s.currency).map((line, i) => <div key={i}>{line}</div>)
          ) : (
            <span className="muted">—{s.currency ? ` (${s.currency})` : ''}</span>
          )}
        </Row>
        <Row label="Auth">
          <span>{s.auth.method ?? '—'}</span>
          {s.auth.id && (
            <>
              {' '}
              <code className="id" data-testid="auth-id">
                {showAuth ? s.auth.id : maskId(s.auth.id)}
              </code>
              <button
                type="button"
                className="link-button"
                onClick={() => setShowAuth(!showAuth)}
                aria-pressed={showAuth}
              >
                {showAuth ? 'Hide' : 'Show'} auth id
              </button>
            </>
          )}
          {s.auth.tokenType && <div className="muted">{s.auth.tokenType}</div>}
        </Row>
        <Row label="Site">
          <div>{s.location?.name ?? '—'}</div>
          <div className="muted">
            {[s.location?.address, s.location?.postalCode, s.location?.city, s.location?.country]
              .filter(Boolean)
              .join(', ')}
          </div>
        </Row>
        <Row label="Source">
          {loaded.source.kind}
          {loaded.source.profileName && ` · ${loaded.source.profileName}`}
          {loaded.source.fileName && ` · ${loaded.source.fileName}`}
          {loaded.source.fetch && (
            <div className="muted">
              HTTP {loaded.source.fetch.status} in {Math.round(loaded.source.fetch.durationMs)} ms · request{' '}
              <code>{loaded.source.fetch.requestId}</code>
            </div>
          )}
        </Row>
      </dl>
    </section>
  );
}
