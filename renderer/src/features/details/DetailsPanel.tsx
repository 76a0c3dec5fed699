import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import type { TimeZoneDisplay } from '../../../../shared/domain/settings';
import { LABELS } from '../../../../shared/present/labels';
import { type AccountId, type IdFact, presentSession } from '../../../../shared/present/present-session';
import { CopyButton } from '../../app/CopyButton';
import { RequestList } from '../../app/RequestList';
import { useAppStore } from '../../store/app-store';
import { updateSettings } from '../../store/actions';
import './details.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function IdRow({ id }: { id: IdFact }) {
  return (
    <Row label={id.label}>
      {id.text ? <code className="id">{id.text}</code> : <span className="muted">—</span>}
      <CopyButton text={id.raw} what={id.label} />
    </Row>
  );
}

/** An account id, masked until asked. */
function AccountIdView({ id, testId }: { id: AccountId; testId: string }) {
  const [shown, setShown] = useState(false);
  return (
    <div>
      <span className="muted">{id.label}</span>{' '}
      <code className="id" data-testid={testId}>
        {shown ? id.clear : id.masked}
      </code>
      <button type="button" className="link-button" onClick={() => setShown(!shown)} aria-pressed={shown}>
        {shown ? 'Hide' : 'Show'} {id.label.toLowerCase()}
      </button>
    </div>
  );
}

export function DetailsPanel({ loaded }: { loaded: LoadedSession }) {
  const display = useAppStore((st) => st.settings.timeZone);
  const p = useMemo(() => presentSession(loaded, { timeZone: display }), [loaded, display]);
  const { energy, site, source } = p;

  return (
    <section className="panel details" aria-labelledby="details-heading" data-testid="details-panel">
      <div className="panel__header">
        <h2 id="details-heading">Details</h2>
        <label className="inline-field">
          <span>{LABELS.zone}</span>
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
        <Row label={LABELS.status}>
          <span className={`badge badge--status-${(p.status ?? 'unknown').toLowerCase()}`}>
            {p.status ?? 'unknown'}
          </span>
          <span className="muted"> · {p.shape}</span>
        </Row>
        {p.ids.map((id) => (
          <IdRow key={id.key} id={id} />
        ))}
        <Row label={LABELS.start}>{p.start.shown}</Row>
        <Row label={LABELS.end}>{p.end.shown}</Row>
        <Row label={LABELS.duration}>{p.duration ?? '—'}</Row>
        <Row label="Zone">
          {p.zone.label}
          {p.zone.note && <div className="note">{p.zone.note}</div>}
        </Row>
        <Row label={LABELS.energy}>
          <span
            className={energy.verdict === 'differ' ? 'text-warning' : undefined}
            data-testid="energy-line"
          >
            {energy.line}
          </span>
          {energy.maxPower && <div className="muted">{energy.maxPower}</div>}
          <div className="muted" data-testid="energy-explanation">
            {energy.explanation}
          </div>
        </Row>
        <Row label={LABELS.cost}>
          {p.costLines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </Row>
        <Row label={LABELS.auth}>
          <span>{p.authMethod ?? '—'}</span>
          {p.tokenType && <span className="muted"> · {p.tokenType}</span>}
          {p.authId && <AccountIdView id={p.authId} testId="auth-id" />}
          {p.contractId && <AccountIdView id={p.contractId} testId="contract-id" />}
        </Row>
        <Row label={LABELS.site}>
          <div>{site?.name ?? '—'}</div>
          {site?.address && <div className="muted">{site.address}</div>}
        </Row>
        <Row label={LABELS.evse}>
          <div>{p.equipment.used ?? '—'}</div>
          {p.equipment.note && <div className="note">{p.equipment.note}</div>}
        </Row>
        {source && (
          <Row label={LABELS.source}>
            {source.line}
            {source.fetch && (
              <div className="muted">
                HTTP {source.fetch.status} in {source.fetch.durationMs} ms · request{' '}
                <code>{source.fetch.requestId}</code>
              </div>
            )}
            <RequestList requests={source.requests} testId="fetch-requests" />
          </Row>
        )}
      </dl>
    </section>
  );
}
