/**
 * The EVSEs and connectors as the views show them, with the one the session used marked. Which one was
 * used is decided once, by the reader (`NormalizedSession.evseMatch`); this only says how it was found.
 */
import type { Connector, Evse, EvseMatch, NormalizedSession } from '../session/types';
import { formatLabel, powerTypeLabel, standardLabel } from './connector-labels';
import { formatNumber, POWER_DECIMALS } from './numbers';
import { visibleOrNull, visibleText } from './visible-text';

export interface PresentedConnector {
  id: string | null;
  /** Readable standard, format and power type (the value as sent when not a known one). */
  standard: string;
  standardCode: string | null;
  format: string;
  powerType: string;
  /** `230 V / 32 A`. */
  voltageAmperage: string;
  /** `22 kW (declared)`, `11.04 kW (computed)`, `—`. */
  maxPower: string;
  maxPowerKw: number | null;
  tariffIds: string[];
  used: boolean;
}

export interface PresentedEvse {
  /** `evse_id`, else `uid`, else `EVSE n`. */
  title: string;
  uid: string | null;
  evseId: string | null;
  status: string | null;
  capabilities: string[];
  physicalReference: string | null;
  floorLevel: string | null;
  used: boolean;
  connectors: PresentedConnector[];
}

export interface PresentedEquipment {
  evses: PresentedEvse[];
  /** `NL*TNM*EB · connector 2`, or null when the EVSE used is unknown. */
  used: string | null;
  /** How the EVSE used was found, when the vendor's naming or a guess found it; or why it was not. */
  note: string | null;
}

function presentConnector(c: Connector, used: boolean): PresentedConnector {
  const kw = c.maxPowerKw;
  return {
    id: visibleOrNull(c.id),
    standard: visibleText(standardLabel(c.standard)),
    standardCode: visibleOrNull(c.standard),
    format: visibleText(formatLabel(c.format)),
    powerType: visibleText(powerTypeLabel(c.powerType)),
    voltageAmperage: `${formatNumber(c.voltage, 0)} V / ${formatNumber(c.amperage, 0)} A`,
    maxPower:
      kw === null
        ? '—'
        : `${formatNumber(kw, POWER_DECIMALS)} kW${c.maxPowerSource ? ` (${c.maxPowerSource})` : ''}`,
    maxPowerKw: kw,
    tariffIds: c.tariffIds.map(visibleText),
    used,
  };
}

function presentEvse(evse: Evse, i: number, match: EvseMatch | null): PresentedEvse {
  const used = match !== null && match.evseIndex === i;
  return {
    title: visibleText(evse.evseId ?? evse.uid ?? `EVSE ${i + 1}`),
    uid: visibleOrNull(evse.uid),
    evseId: visibleOrNull(evse.evseId),
    status: visibleOrNull(evse.status),
    capabilities: evse.capabilities.map(visibleText),
    physicalReference: visibleOrNull(evse.physicalReference),
    floorLevel: visibleOrNull(evse.floorLevel),
    used,
    connectors: evse.connectors.map((c, j) => presentConnector(c, used && match.connectorIndex === j)),
  };
}

function matchNote(s: NormalizedSession, match: EvseMatch | null): string | null {
  const evses = s.location?.evses ?? [];
  if (match === null) {
    const ref = s.ids.evseUid;
    if (ref !== null)
      return `The session's EVSE "${visibleText(ref)}" is not among the location's ${evses.length} EVSE(s).`;
    return evses.length > 1
      ? `The location lists ${evses.length} EVSEs and the session names none: the one used is unknown.`
      : null;
  }
  const evse = evses[match.evseIndex];
  const ref = visibleText(match.reference ?? '');
  switch (match.by) {
    case 'evse_uid':
      return null;
    case 'vendor_evseId':
      return `Found by the vendor's evseId "${ref}", which names the EVSE's ${evse?.uid === match.reference ? 'uid' : 'evse_id'}.`;
    case 'vendor_connectorId':
      return `Found by the vendor's connectorId "${ref}", which names the EVSE's evse_id.`;
    case 'only_evse':
      return 'The session names no EVSE; the location lists only this one, so it is taken as the one used.';
  }
}

export function presentEquipment(s: NormalizedSession): PresentedEquipment {
  const match = s.evseMatch;
  const evses = (s.location?.evses ?? []).map((e, i) => presentEvse(e, i, match));
  const usedEvse = match ? evses[match.evseIndex] : undefined;
  const usedConnector =
    usedEvse && match?.connectorIndex != null ? usedEvse.connectors[match.connectorIndex] : undefined;
  return {
    evses,
    used: usedEvse
      ? `${usedEvse.title}${usedConnector ? ` · connector ${usedConnector.id ?? match!.connectorIndex! + 1}` : ''}`
      : null,
    note: matchNote(s, match),
  };
}
