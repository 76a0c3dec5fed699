import { useMemo } from 'react';
import type { PresentedConnector } from '../../../../shared/present/equipment';
import { presentEquipment } from '../../../../shared/present/equipment';
import type { NormalizedSession } from '../../../../shared/session/types';
import './evse.css';

function ConnectorRow({ c }: { c: PresentedConnector }) {
  return (
    <tr className={c.used ? 'is-used' : undefined} aria-current={c.used ? 'true' : undefined}>
      <td>
        <code>{c.id ?? '—'}</code>
        {c.used && <span className="badge badge--accent">used</span>}
      </td>
      <td title={c.standardCode ?? undefined}>{c.standard}</td>
      <td>{c.format}</td>
      <td>{c.powerType}</td>
      <td className="num">{c.voltageAmperage}</td>
      <td className="num">{c.maxPower}</td>
      <td>{c.tariffIds.length ? c.tariffIds.map((t) => <code key={t}>{t} </code>) : '—'}</td>
    </tr>
  );
}

export function EvsePanel({ session }: { session: NormalizedSession }) {
  const { evses, note } = useMemo(() => presentEquipment(session), [session]);
  return (
    <section className="panel evse" aria-label="EVSEs and connectors" data-testid="evse-panel">
      {evses.length === 0 && <p className="muted">The response names no location EVSEs.</p>}
      {note && (
        <p className="note" data-testid="evse-note">
          {note}
        </p>
      )}
      {evses.map((evse, i) => (
        <article
          key={`${evse.uid}-${i}`}
          className={`evse-card${evse.used ? ' evse-card--used' : ''}`}
          aria-current={evse.used ? 'true' : undefined}
        >
          <header className="evse-card__header">
            <h3>
              {evse.title}
              {evse.used && <span className="badge badge--accent">used by this session</span>}
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
                <ConnectorRow key={`${c.id}-${j}`} c={c} />
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
