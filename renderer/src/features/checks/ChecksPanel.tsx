import type { Check, Severity } from '../../../../shared/session/types';
import { copyTriageSummary, focusPeriods } from '../../store/actions';
import { isCoordinateCheck } from '../../../../shared/present/map-points';
import { showOnMap } from '../map/map-focus';
import { visibleText } from '../../../../shared/present/visible-text';
import './checks.css';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function ChecksPanel({ checks }: { checks: Check[] }) {
  const sorted = [...checks].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <section className="panel checks" aria-labelledby="checks-heading" data-testid="checks-panel">
      <div className="panel__header">
        <h2 id="checks-heading">
          Checks <span className="count">{checks.length}</span>
        </h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => void copyTriageSummary()}
          title="Ctrl/Cmd+Shift+C"
        >
          Copy triage summary
        </button>
      </div>
      {sorted.length === 0 ? (
        <p className="muted">No check fired: the session looks consistent.</p>
      ) : (
        <ul className="checks__list">
          {sorted.map((c, i) => (
            <li key={`${c.code}-${i}`} className={`check check--${c.severity}`}>
              <span className={`severity severity--${c.severity}`}>{c.severity}</span>
              <div className="check__body">
                <code className="check__code">{c.code}</code>
                <p>{visibleText(c.message)}</p>
                {c.periods && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => focusPeriods(c.periods![0], c.periods![1])}
                  >
                    Show periods {c.periods[0] + 1}–{c.periods[1] + 1} on the timeline
                  </button>
                )}
                {isCoordinateCheck(c) && (
                  <button type="button" className="link-button" onClick={showOnMap}>
                    Show on map
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
