import { describe, expect, it } from 'vitest';
import { computeBilling } from '../../../shared/billing/attach';
import {
  cdrSearchProfile,
  type CdrSearchReport,
  findsCdrAtOnce,
  matchText,
  mayListCdrs,
} from '../../../shared/billing/cdr-search';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { readSessionFile } from '../../../shared/export/import';
import { agreeingCdr, agreeingSession } from '../../fixtures/billing/cdrs';
import { agreeingTariff } from '../../fixtures/billing/tariffs';

const HOUR = 3_600_000;
const ENDED = Date.parse('2024-06-03T16:45:00Z');
function loaded(overrides: Record<string, unknown> = {}): LoadedSession {
  const r = readSessionFile(JSON.stringify(agreeingSession(overrides)), 's.json');
  if (!r.ok) throw new Error(r.error.message);
  return {
    ...r.value,
    key: 'k',
    source: { ...r.value.source, kind: 'fetch', profileName: 'CPO', fileName: null },
  };
}
const report = (found: boolean, hoursAfter: number): CdrSearchReport => ({
  now: ENDED + hoursAfter * HOUR,
  searched: [{ from: ENDED, to: ENDED + 24 * HOUR }],
  found,
  profileName: 'CPO',
  match: found ? { by: 'session_id' } : null,
  cdrsScanned: 3,
  tariffsAsked: [],
  tariffsMissing: [],
  notes: [],
  correlationId: 'c',
});

describe('a CDR search kept with the billing', () => {
  it('none found after 48 h: CDR_MISSING; attaching a CDR later silences it; the search stays', () => {
    const s = loaded();
    const none = computeBilling(s.session, { cdr: null, tariffs: [] }, report(false, 72));
    if (!none.ok) throw new Error();
    expect(none.value.checks.map((c) => c.code)).toEqual(['CDR_MISSING']);
    expect(none.value.cdrSearch?.found).toBe(false);
    const early = computeBilling(s.session, { cdr: null, tariffs: [] }, report(false, 24));
    expect(early.ok && early.value.checks).toEqual([]);
    const withCdr = computeBilling(
      s.session,
      { cdr: { fileName: 'c.json', text: JSON.stringify(agreeingCdr([agreeingTariff()])) }, tariffs: [] },
      report(false, 72),
    );
    expect(withCdr.ok && withCdr.value.checks.map((c) => c.code)).toEqual([]);
  });

  it('describes the match as the CLI does', () => {
    expect(matchText({ by: 'session_id' })).toBe('matched on session_id');
    expect(
      matchText({
        by: 'score',
        score: { score: 8, max: 10, agreed: ['auth id', 'location'], distanceMs: 0 },
      }),
    ).toBe('matched by score 8/10: auth id, location');
  });
});

describe('where and when a CDR is searched', () => {
  const profiles = [
    { id: 'v', name: 'Vendor' },
    { id: 'o', name: 'CPO', ocpi: { versionsUrl: 'https://cpo.example.com/ocpi/versions' } },
  ];
  it('on the OCPI profile the session came from; never for a CDR alone or a session from nowhere', () => {
    expect(cdrSearchProfile(loaded(), profiles)?.id).toBe('o');
    const vendor = { ...loaded(), source: { ...loaded().source, profileName: 'Vendor' } };
    expect(cdrSearchProfile(vendor, profiles)).toBeNull();
    expect(cdrSearchProfile({ ...loaded(), subject: 'cdr' }, profiles)).toBeNull();
    const file = { ...loaded(), source: { ...loaded().source, kind: 'file' as const, profileName: null } };
    expect(cdrSearchProfile(file, profiles)).toBeNull();
  });

  it('at once after an OCPI 2.2+ fetch of a COMPLETED session without a CDR; else on a click', () => {
    expect(findsCdrAtOnce(loaded())).toBe(true);
    expect(findsCdrAtOnce(loaded({ status: 'ACTIVE' }))).toBe(false);
    const history = { ...loaded(), source: { ...loaded().source, kind: 'history' as const } };
    expect(findsCdrAtOnce(history)).toBe(false);
    const s = loaded();
    expect(findsCdrAtOnce({ ...s, session: { ...s.session, shape: 'ocpi-2.1.1' } })).toBe(false);
    const billing = computeBilling(s.session, {
      cdr: { fileName: 'c.json', text: JSON.stringify(agreeingCdr()) },
      tariffs: [],
    });
    if (!billing.ok) throw new Error();
    expect(findsCdrAtOnce({ ...s, billing: billing.value })).toBe(false);
  });
});

describe('mayListCdrs', () => {
  it('is false only when the last discovery found no CDRs module', () => {
    const ocpi = (identifiers: string[]) => ({
      ocpi: { discovered: { endpoints: identifiers.map((identifier) => ({ identifier })) } },
    });
    expect(mayListCdrs(ocpi(['sessions', 'cdrs']))).toBe(true);
    expect(mayListCdrs(ocpi(['sessions', 'locations']))).toBe(false);
    expect(mayListCdrs({ ocpi: {} })).toBe(true);
    expect(mayListCdrs({})).toBe(true);
  });
});
