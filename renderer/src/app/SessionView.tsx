import { useMemo } from 'react';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { BillingPanel } from '../features/billing/BillingPanel';
import { CdrNotice } from '../features/billing/CdrNotice';
import { ChecksPanel } from '../features/checks/ChecksPanel';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { EvsePanel } from '../features/evse/EvsePanel';
import { FollowToggle } from '../features/follow/FollowToggle';
import { MapPanel } from '../features/map/MapPanel';
import { RawPanel } from '../features/raw/RawPanel';
import { TimelinePanel } from '../features/timeline/TimelinePanel';
import { useAppStore } from '../store/app-store';
import { selectTab } from '../store/actions';
import { panelId, tabId, Tabs } from './Tabs';
import { UnitBanner } from './UnitBanner';

/** One loaded session: the summary column (details, checks) beside the tabbed views. */
export function SessionView({ loaded: asRead }: { loaded: LoadedSession }) {
  const tab = useAppStore((s) => s.activeTab);
  const asSent = useAppStore((s) => s.asSent);
  // Every panel shows the same numbers: as read, or as sent when the user asked for that.
  const loaded = useMemo(() => (asSent ? { ...asRead, session: asSent } : asRead), [asRead, asSent]);
  return (
    <div className="session-view">
      {asRead.session.whSuspected && <UnitBanner asSent={asSent !== null} />}
      <h1 className="visually-hidden">
        Session {loaded.session.ids.sessionId ?? loaded.session.ids.id ?? ''}
      </h1>
      <div className="session-view__side">
        {loaded.subject === 'cdr' ? (
          <CdrNotice loaded={loaded} />
        ) : (
          <>
            <FollowToggle loaded={asRead} />
            <DetailsPanel loaded={loaded} />
            <ChecksPanel checks={loaded.checks} />
          </>
        )}
      </div>
      <div className="session-view__main">
        <Tabs
          active={tab}
          onSelect={selectTab}
          badges={{
            evse: loaded.session.location?.evses.length ?? 0,
            billing: loaded.billing?.checks.length ?? 0,
            raw: loaded.warnings.length,
          }}
        />
        <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="tabpanel">
          {tab === 'timeline' && <TimelinePanel loaded={loaded} />}
          {tab === 'map' && <MapPanel loaded={loaded} />}
          {tab === 'evse' && <EvsePanel session={loaded.session} />}
          {tab === 'billing' && <BillingPanel loaded={loaded} />}
          {tab === 'raw' && <RawPanel loaded={loaded} />}
        </div>
      </div>
    </div>
  );
}
