import type { Connector, Evse, NormalizedSession } from '../../../../shared/session/types';
import { formatNumber } from '../../format/format';
import { formatLabel, powerTypeLabel, standardLabel } from './connector-labels';
import './evse.css';

function isUsed(evse: Evse, used: Evse | null): boolean {
  return used !== null && evse.uid === used.uid && evse.evseId === used.evseId;
}

function ConnectorRow({ c, used }: { c: Connector; used: boolean }) {
  return (
    <tr className={used ? 'is-used' : undefined} aria-current={used ? 'true' : undefined}>
      <td>
        <code>{c.id ?? '—'}</code>
        {used && <span className="badge badge--accent">used</span>}
      </td>
      <td title={c.standard ?? undefined}>{standardLabel(c.standard)}</td>
      <td>{formatLabel(c.format)}</td>
      <td>{powerTypeLabel(c.powerType)}</td>
      <td className="num">
        {formatNumber(c.voltage, 0)} V / {formatNumber(c.amperage, 0)} A
      </td>
      <td className="num">
        {formatNumber(c.maxPowerKw, 1)} kW
        {c.maxPowerSource && <span className="muted"> ({c.maxPowerSource})</span>}
      </td>
      <td>{c.tariffIds.length ? c.tariffIds.map((t) => <code key={t}>{t} </code>) : '—'}</td>
    </tr>
  );
}

export function EvsePanel({ session }: { session: NormalizedSession }) {
  const evses = session.location?.evses ?? [];
  return (
    <section className="panel evse" aria-label="EVSEs and connectors" data-testid="evse-panel">
      {evses.length === 0 && (
        <p className="muted">
          The response names no location EVSEs
          {session.ids.evseUid ? ` (the session refers to EVSE ${session.ids.evseUid})` : ''}.
        </p>
      )}
      {evses.map((evse, i) => {
        const used = isUsed(evse, session.evse);
        return (
          <article
            key={`${evse.uid}-${i}`}
            className={`evse-card${used ? ' evse-card--used' : ''}`}
            aria-current={used ? 'true' : undefined}
          >
            <header className="evse-card__header">
              <h3>
                {evse.evseId ?? evse.uid ?? `EVSE ${i + 1}`}
                {used && <span className="badge badge--accent">used by this session</span>}
              </h3>
              <span className={`badge badge--evse-${(evse.status ?? 'unknown').toLowerCase()}`}>
                {evse.status ?? 'UNKNOWN'}
              </span>
              {evse.capabilities.map((cap) => (
                <span key={cap} className="badge badge--muted">
                  {cap}
                </span>
              ))}
            </header>
            <p className="muted">
              uid <code>{evse.uid ?? '—'}</code>
              {evse.physicalReference && ` · ref ${evse.physicalReference}`}
              {evse.floorLevel && ` · floor ${evse.floorLevel}`}
            </p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Connector</th>
                  <th scope="col">Standard</th>
                  <th scope="col">Format</th>
                  <th scope="col">Power type</th>
                  <th scope="col">Voltage / current</th>
                  <th scope="col">Max power</th>
                  <th scope="col">Tariffs</th>
                </tr>
              </thead>
              <tbody>
                {evse.connectors.map((c, j) => (
                  <ConnectorRow
                    key={`${c.id}-${j}`}
                    c={c}
                    used={used && session.connector !== null && c.id === session.connector.id}
                  />
                ))}
              </tbody>
            </table>
          </article>
        );
      })}
    </section>
  );
}
