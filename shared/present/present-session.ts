/**
 * The session presenter: one pure function turns a read session (and, later, its CDR) into every fact a
 * view shows — ids with their labels, status, times, energy and whether it agrees, cost lines, auth, site,
 * the EVSE used, checks and warnings. Details, EVSE, Map, the HTML report, the Markdown triage summary and
 * the CLI summary all render from it and derive nothing themselves. Every string it outputs has passed
 * `visibleText`, so no view passes a bidi override or control character through raw.
 */
import type { FetchMeta, SessionSource } from '../domain/loaded-session';
import type { TimeZoneDisplay } from '../domain/settings';
import type {
  Check,
  Cost,
  Coordinates,
  NormalizedSession,
  ReaderWarning,
  SessionShape,
  Severity,
} from '../session/types';
import { compareEnergy } from '../session/energy-tolerance';
import { costLines } from './cost';
import { presentEquipment, type PresentedEquipment } from './equipment';
import { type IdKey, LABELS } from './labels';
import { isCoordinateCheck, type MapPoint, mapPoints } from './map-points';
import { maskId } from './mask';
import {
  columnDecimals,
  ENERGY_DECIMALS,
  formatKw,
  formatNumber,
  POWER_DECIMALS,
  roundMoney,
  roundTo,
} from './numbers';
import { formatSeconds, formatTime, isoInZone, localZone, resolveZone, type ZoneChoice } from './time';
import { visibleOrNull, visibleText } from './visible-text';

/**
 * What the billing reader (shared/billing) hands over about the session's CDR, once it reads one. The
 * presenter shows it beside the session's own figures; absent, nothing about a CDR is shown.
 */
export interface CdrFacts {
  id: string | null;
  currency: string | null;
  cost: Cost | null;
}

export interface PresentOptions {
  /** The zone `shown` times use; default UTC. */
  timeZone?: TimeZoneDisplay;
  cdr?: CdrFacts | null;
}

/** The session as read: what a LoadedSession and a CLI read both hold (a LoadedSession adds its source). */
export interface ReadSessionParts {
  session: NormalizedSession;
  warnings: ReaderWarning[];
  checks: Check[];
  source?: SessionSource;
}

export interface IdFact {
  key: IdKey;
  label: string;
  /** As shown (invisible characters marked); null when absent. */
  text: string | null;
  /** The value exactly as sent, for a copy button or machine output. */
  raw: string | null;
}

export interface PresentedTime {
  ms: number | null;
  /** ISO 8601 UTC (`2024-05-01T10:00:00.000Z`), null when absent. */
  utc: string | null;
  /** In the chosen zone, `2024-05-01 12:00:00`; `—` when absent. */
  shown: string;
  /** ISO 8601 in the chosen zone with its offset (`Z` for UTC), null when absent. */
  iso: string | null;
}

export interface AccountId {
  label: string;
  masked: string;
  clear: string;
}

export interface PresentedEnergy {
  reported: number | null;
  /** Summed over the periods, rounded to the volumes' decimals. */
  summed: number | null;
  periodCount: number;
  maxPowerKw: number | null;
  /** `20 kWh reported, 10 kWh summed over 3 period(s)`. */
  line: string;
  /** `max 2.4 kW`, or null. */
  maxPower: string | null;
  verdict: 'agree' | 'differ' | 'unit-suspect' | 'not-comparable';
  /** Why the check fired or stayed quiet, in one sentence. */
  explanation: string;
}

export interface PresentedSite {
  id: string | null;
  name: string | null;
  /** `Main St 1, 9000 Gent, BEL`. */
  address: string | null;
  coordinates: Coordinates | null;
  coordinatesText: string | null;
  timeZone: string | null;
  operator: string | null;
  /** Only an http(s) URL: anything else is never made a link. */
  website: string | null;
}

export interface PresentedCheck {
  code: string;
  severity: Severity;
  message: string;
  /** Numbered from 1: `periods 1–3`, `period 2`; null when the check is not about periods. */
  periods: string | null;
  /** First and last period, numbered from 1. */
  range: [number, number] | null;
  /** A check about coordinates, which the map can show. */
  onMap: boolean;
}

export interface SessionPresentation {
  /** The headline id (Session id, else Vendor session id), for titles. */
  title: string;
  titleRaw: string | null;
  ids: IdFact[];
  status: string | null;
  shape: SessionShape;
  zone: ZoneChoice;
  start: PresentedTime;
  end: PresentedTime;
  lastUpdated: PresentedTime;
  durationSeconds: number | null;
  duration: string | null;
  energy: PresentedEnergy;
  currency: string | null;
  costLines: string[];
  /** The total cost in machine form, to the currency's minor unit. */
  cost: { exclVat: number | null; inclVat: number | null };
  authMethod: string | null;
  tokenType: string | null;
  authId: AccountId | null;
  contractId: AccountId | null;
  meterId: string | null;
  site: PresentedSite | null;
  equipment: PresentedEquipment;
  map: MapPoint[];
  checks: PresentedCheck[];
  warnings: ReaderWarning[];
  cdr: { id: IdFact; costLines: string[] } | null;
  /** Where the session came from; null for a bare read (the CLI summary of a file). */
  source: PresentedSource | null;
}

export interface PresentedSource {
  kind: SessionSource['kind'];
  profileName: string | null;
  fileName: string | null;
  /** `fetch · Lab CPO`, `file · session.json`: the one line a view shows. */
  line: string;
  fetch: {
    url: string;
    status: number;
    durationMs: number;
    fetchedAt: string;
    requestId: string;
    correlationId: string;
    responseCorrelationId: string | null;
  } | null;
  /** Every GET of the fetch in order (discovery, search pages, session, Location), ids visible. */
  requests: PresentedRequest[];
}

/** One GET as views show it: the ids a partner's support asks for, ours and the server's. */
export interface PresentedRequest {
  url: string;
  status: number;
  durationMs: number;
  requestId: string;
  correlationId: string;
  /** The server's own ids, only where they differ from ours (else they add nothing). */
  responseRequestId: string | null;
  responseCorrelationId: string | null;
}

export function presentRequest(m: FetchMeta): PresentedRequest {
  const theirs = (own: string, echoed: string | null): string | null =>
    echoed !== null && echoed !== own ? visibleText(echoed) : null;
  return {
    url: visibleText(m.url),
    status: m.status,
    durationMs: Math.round(m.durationMs),
    requestId: visibleText(m.requestId),
    correlationId: visibleText(m.correlationId),
    responseRequestId: theirs(m.requestId, m.responseRequestId),
    responseCorrelationId: theirs(m.correlationId, m.responseCorrelationId),
  };
}

function presentSource(source: SessionSource): PresentedSource {
  const f = source.fetch;
  const profileName = visibleOrNull(source.profileName);
  const fileName = visibleOrNull(source.fileName);
  return {
    kind: source.kind,
    profileName,
    fileName,
    line: [source.kind, profileName, fileName].filter(Boolean).join(' · '),
    fetch: f
      ? {
          url: visibleText(f.url),
          status: f.status,
          durationMs: Math.round(f.durationMs),
          fetchedAt: visibleText(f.fetchedAt),
          requestId: visibleText(f.requestId),
          correlationId: visibleText(f.correlationId),
          responseCorrelationId: visibleOrNull(f.responseCorrelationId),
        }
      : null,
    requests: (
      source.requests ?? [source.fetch, source.locationFetch].filter((m): m is FetchMeta => m !== null)
    ).map(presentRequest),
  };
}

const idFact = (key: IdKey, label: string, raw: string | null): IdFact => ({
  key,
  label,
  text: visibleOrNull(raw),
  raw,
});

function time(ms: number | null, zone: ZoneChoice): PresentedTime {
  const ok = ms !== null && Number.isFinite(ms);
  return {
    ms,
    utc: ok ? new Date(ms).toISOString() : null,
    shown: formatTime(ms, zone.zone),
    iso: ok ? isoInZone(ms, zone.zone ?? localZone()) : null,
  };
}

const account = (label: string, raw: string | null): AccountId | null =>
  raw === null ? null : { label, masked: maskId(visibleText(raw)), clear: visibleText(raw) };

/** `NL*TNM`, or null when neither part is known. */
function partyText(countryCode: string | null, partyId: string | null): string | null {
  return countryCode || partyId ? `${countryCode ?? '?'}*${partyId ?? '?'}` : null;
}

/** `periods 1–3` / `period 2` from a check's zero-based range. */
function periodRangeText(range: [number, number]): string {
  const [a, b] = [range[0] + 1, range[1] + 1];
  return a === b ? `period ${a}` : `periods ${a}–${b}`;
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

function presentEnergy(s: NormalizedSession, checks: Check[]): PresentedEnergy {
  const p = s.periods;
  const decimals = columnDecimals(p.energyKwh, ENERGY_DECIMALS);
  let maxPower = -Infinity;
  for (let i = 0; i < p.count; i++) if (p.powerKw[i] > maxPower) maxPower = p.powerKw[i];
  const summed = s.energyRounding.sum === null ? null : roundTo(s.energyRounding.sum, decimals);
  const reported = s.kwh;
  const cmp = compareEnergy(reported, s.energyRounding);
  const reportedText = formatNumber(reported, 6);
  const summedText = formatNumber(summed, decimals);
  let verdict: PresentedEnergy['verdict'];
  let explanation: string;
  if (checks.some((c) => c.code === 'ENERGY_UNIT_SUSPECT')) {
    verdict = 'unit-suspect';
    explanation =
      'The period volumes look like Wh sent as kWh (see ENERGY_UNIT_SUSPECT); they are not compared with kwh.';
  } else if (cmp === null) {
    verdict = 'not-comparable';
    explanation =
      reported === null
        ? 'The session reports no kwh: nothing to compare the periods with.'
        : 'The periods carry no ENERGY volume: nothing to compare kwh with.';
  } else {
    const places =
      cmp.volumeDecimals === null ? '' : ` ${WORDS[cmp.volumeDecimals] ?? cmp.volumeDecimals}-decimal`;
    const what = `${cmp.volumes}${places} volume${cmp.volumes === 1 ? '' : 's'}`;
    const tolerance = formatNumber(cmp.tolerance, 6);
    verdict = cmp.agree ? 'agree' : 'differ';
    explanation = cmp.agree
      ? reportedText === summedText
        ? `${reportedText} kWh reported and summed: they agree.`
        : `${reportedText} vs ${summedText} kWh: within the rounding of ${what} (±${tolerance} kWh).`
      : `${reportedText} vs ${summedText} kWh: off by ${formatNumber(cmp.diff, decimals)} kWh, more than the rounding of ${what} explains (±${tolerance} kWh).`;
  }
  const maxPowerKw = Number.isFinite(maxPower) ? roundTo(maxPower, POWER_DECIMALS) : null;
  return {
    reported,
    summed,
    periodCount: p.count,
    maxPowerKw,
    line: `${reportedText} kWh reported, ${summedText} kWh summed over ${p.count.toLocaleString('en')} period(s)`,
    maxPower: maxPowerKw === null ? null : `max ${formatKw(maxPowerKw)}`,
    verdict,
    explanation,
  };
}

function presentSite(s: NormalizedSession): PresentedSite | null {
  const l = s.location;
  if (!l) return null;
  const address = [l.address, [l.postalCode, l.city].filter(Boolean).join(' '), l.country]
    .filter(Boolean)
    .join(', ');
  const website = l.operatorWebsite && /^https?:\/\//i.test(l.operatorWebsite) ? l.operatorWebsite : null;
  return {
    id: visibleOrNull(l.id),
    name: visibleOrNull(l.name),
    address: address ? visibleText(address) : null,
    coordinates: l.coordinates,
    coordinatesText: l.coordinates ? `${l.coordinates.latitude}, ${l.coordinates.longitude}` : null,
    timeZone: visibleOrNull(l.timeZone),
    operator: visibleOrNull(l.operatorName),
    website: website === null ? null : visibleText(website),
  };
}

function presentCheck(c: Check): PresentedCheck {
  return {
    code: c.code,
    severity: c.severity,
    message: visibleText(c.message),
    periods: c.periods ? periodRangeText(c.periods) : null,
    range: c.periods ? [c.periods[0] + 1, c.periods[1] + 1] : null,
    onMap: isCoordinateCheck(c),
  };
}

export function presentSession(read: ReadSessionParts, opts: PresentOptions = {}): SessionPresentation {
  const s = read.session;
  const zone = resolveZone(opts.timeZone ?? 'utc', s.location?.timeZone ?? null);
  const titleRaw = s.ids.id ?? s.ids.sessionId;
  const durationSeconds =
    s.startedAt !== null && s.endedAt !== null ? roundTo((s.endedAt - s.startedAt) / 1000, 3) : null;
  const cdr = opts.cdr ?? null;
  return {
    title: titleRaw === null ? 'session without id' : visibleText(titleRaw),
    titleRaw,
    ids: [
      idFact('sessionId', LABELS.sessionId, s.ids.id),
      idFact('vendorSessionId', LABELS.vendorSessionId, s.ids.sessionId),
      idFact('party', LABELS.party, partyText(s.ids.countryCode, s.ids.partyId)),
      idFact('cpoId', LABELS.cpoId, s.ids.cpoId),
      idFact('locationId', LABELS.locationId, s.ids.locationId),
      idFact('evseUid', LABELS.evseUid, s.ids.evseUid),
      idFact('connectorId', LABELS.connectorId, s.ids.connectorId),
    ],
    status: visibleOrNull(s.status),
    shape: s.shape,
    zone,
    start: time(s.startedAt, zone),
    end: time(s.endedAt, zone),
    lastUpdated: time(s.lastUpdated, zone),
    durationSeconds,
    duration: durationSeconds === null ? null : formatSeconds(durationSeconds),
    energy: presentEnergy(s, read.checks),
    currency: visibleOrNull(s.currency),
    costLines: costLines(s.cost, s.currency),
    cost: {
      exclVat: s.cost ? roundMoney(s.cost.exclVat, s.currency) : null,
      inclVat: s.cost ? roundMoney(s.cost.inclVat, s.currency) : null,
    },
    authMethod: visibleOrNull(s.auth.method),
    tokenType: visibleOrNull(s.auth.tokenType),
    authId: account(LABELS.authId, s.auth.id),
    contractId: account(LABELS.contractId, s.auth.contractId),
    meterId: visibleOrNull(s.meterId),
    site: presentSite(s),
    equipment: presentEquipment(s),
    map: mapPoints(s),
    checks: read.checks.map(presentCheck),
    warnings: read.warnings.map((w) => ({ path: visibleText(w.path), message: visibleText(w.message) })),
    cdr: cdr
      ? { id: idFact('sessionId', 'CDR id', cdr.id), costLines: costLines(cdr.cost, cdr.currency) }
      : null,
    source: read.source ? presentSource(read.source) : null,
  };
}
