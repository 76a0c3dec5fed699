import type { KeyboardEvent } from 'react';
import type { PanelTab } from '../store/app-store';

export const TAB_LABELS: Record<PanelTab, string> = {
  timeline: 'Timeline',
  map: 'Map',
  evse: 'EVSE / connectors',
  billing: 'Billing',
  raw: 'Raw',
};
const ORDER: PanelTab[] = ['timeline', 'map', 'evse', 'billing', 'raw'];

export const tabId = (tab: PanelTab): string => `tab-${tab}`;
export const panelId = (tab: PanelTab): string => `tabpanel-${tab}`;

/** WAI-ARIA tabs: arrow keys move between tabs, only the selected one is in the Tab order. */
export function Tabs({
  active,
  onSelect,
  badges,
}: {
  active: PanelTab;
  onSelect(tab: PanelTab): void;
  badges: Partial<Record<PanelTab, number>>;
}) {
  const onKeyDown = (e: KeyboardEvent): void => {
    const at = ORDER.indexOf(active);
    let next: PanelTab | null = null;
    if (e.key === 'ArrowRight') next = ORDER[(at + 1) % ORDER.length];
    if (e.key === 'ArrowLeft') next = ORDER[(at + ORDER.length - 1) % ORDER.length];
    if (e.key === 'Home') next = ORDER[0];
    if (e.key === 'End') next = ORDER[ORDER.length - 1];
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div role="tablist" aria-label="Session views" className="tabs" onKeyDown={onKeyDown}>
      {ORDER.map((tab) => (
        <button
          key={tab}
          id={tabId(tab)}
          type="button"
          role="tab"
          aria-selected={tab === active}
          aria-controls={panelId(tab)}
          tabIndex={tab === active ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(tab)}
        >
          {TAB_LABELS[tab]}
          {badges[tab] ? <span className="count">{badges[tab]}</span> : null}
        </button>
      ))}
    </div>
  );
}
