/**
 * A CDR opened on its own (Open, drop, CLI export) opens as a CDR: the shown object is the CDR with its
 * billing (its own tariffs, its self-checks), and `session` holds the CDR's own facts — its periods, times,
 * energy and Location — so the timeline, map and exports work on what the CDR billed. `subject: 'cdr'` tells
 * the panels to say "no session; this is a CDR" instead of reading the CDR as a session full of nulls.
 * Session checks do not run on it: they judge a session, and a CDR has no status or live fields.
 */
import type { Result } from '../domain/errors';
import type { LoadedSession, SessionSource } from '../domain/loaded-session';
import type { NormalizedSession } from '../session/types';
import { computeBilling } from './attach';
import type { Cdr } from './types';

/** The CDR's facts in the session shape the panels read. */
export function cdrAsSession(cdr: Cdr): NormalizedSession {
  return {
    shape: cdr.version,
    ids: {
      id: cdr.sessionId,
      sessionId: null,
      countryCode: cdr.countryCode,
      partyId: cdr.partyId,
      cpoId: null,
      locationId: cdr.location?.id ?? null,
      evseUid: cdr.evseUid,
      connectorId: cdr.connectorId,
    },
    status: null,
    startedAt: cdr.startedAt,
    endedAt: cdr.endedAt,
    lastUpdated: cdr.lastUpdated,
    kwh: cdr.totalEnergy,
    auth: cdr.auth,
    meterId: cdr.meterId,
    currency: cdr.currency,
    cost: cdr.totalCost,
    location: cdr.location,
    evse: null,
    connector: null,
    evseMatch: null,
    periods: cdr.periods,
    volumeUnit: 'kWh',
    whSuspected: false,
    energyRounding: { ...cdr.periodEnergy },
  };
}

/** A CDR file's text opened alone; `source` says where it came from. */
export function openCdrAlone(
  text: string,
  fileName: string,
  source: SessionSource,
): Result<Omit<LoadedSession, 'key'>> {
  const billing = computeBilling(null, { cdr: { fileName, text }, tariffs: [] });
  if (!billing.ok) return billing;
  const cdr = billing.value.cdr as Cdr;
  return {
    ok: true,
    value: {
      subject: 'cdr',
      source,
      session: cdrAsSession(cdr),
      warnings: billing.value.cdrWarnings,
      checks: [],
      rawText: text,
      rawLocationText: null,
      billing: billing.value,
    },
  };
}
