/**
 * A session's billing attachments, computed in ONE place (main on attach, bundle re-open, demo fetch and
 * the CLI's reconcile): the CDR and tariff files exactly as received, what their readers made of them, the
 * engine's prices and every billing check. Pure: text in, data out.
 */
import { appError, type Result } from '../domain/errors';
import { MAX_SESSION_FILE_BYTES, tooLargeError } from '../input/limits';
import { isObject } from '../session/field-reader';
import { parseJsonText } from '../session/json-text';
import type { NormalizedSession, ReaderWarning } from '../session/types';
import { priceSession } from './cost-engine';
import { pricingInputFromCdr, pricingInputFromSession } from './pricing-input';
import { looksLikeCdr, payloadOf, readCdr } from './read-cdr';
import { readTariffs } from './read-tariff';
import type { CdrSearchReport } from './cdr-search';
import {
  cdrSelfChecks,
  checkCdrMissing,
  checkCurrencies,
  checkSessionCost,
  checkTariffsFound,
  reconcile,
} from './reconcile';
import type { BillingCheck, Cdr, CostResult, Tariff } from './types';

export interface BillingAttachment {
  /** The CDR file or response as received; null when none is attached. */
  cdrText: string | null;
  cdrFileName: string | null;
  cdr: Cdr | null;
  cdrWarnings: ReaderWarning[];
  /** Each tariff file as received, in the order attached. */
  tariffTexts: { fileName: string; text: string }[];
  /** The tariffs priced with: the attached ones, else the CDR's own. */
  tariffs: Tariff[];
  tariffsFrom: 'files' | 'cdr' | 'none';
  tariffWarnings: ReaderWarning[];
  /** The engine's price of the CDR's periods (of the session's when there is no CDR); null without tariffs. */
  cost: CostResult | null;
  costOf: 'cdr' | 'session' | null;
  /** The engine's price of the session's periods, when a session and tariffs are there. */
  sessionCost: CostResult | null;
  checks: BillingCheck[];
  /** The last search for the CDR on an OCPI profile, when one ran (CDR_MISSING is read from it). */
  cdrSearch?: CdrSearchReport;
}

/** The texts a session's billing is computed from. */
export interface BillingTexts {
  cdr: { fileName: string; text: string } | null;
  tariffs: { fileName: string; text: string }[];
}

export type BillingFileKind = 'cdr' | 'tariffs';

const hasElements = (v: unknown): boolean => isObject(v) && 'elements' in v;

/** What a parsed file is to billing: a CDR, a Tariff or list of them (bare or in an envelope), or neither. */
export function billingKindOf(value: unknown): BillingFileKind | null {
  const payload = payloadOf(value);
  if (payload && looksLikeCdr(payload)) return 'cdr';
  if (Array.isArray(value)) return value.length > 0 && value.every(hasElements) ? 'tariffs' : null;
  if (hasElements(value) || hasElements(payload)) return 'tariffs';
  const data = isObject(value) ? value.data : undefined;
  return Array.isArray(data) && data.length > 0 && data.every(hasElements) ? 'tariffs' : null;
}

/** The kind of a file's text; null when it is not JSON or neither a CDR nor tariffs. */
export function billingKindOfText(text: string): BillingFileKind | null {
  const parsed = parseJsonText(text);
  return parsed.ok ? billingKindOf(parsed.value) : null;
}

const currencies = (named: { what: string; currency: string | null }[], tariffs: Tariff[]) =>
  checkCurrencies([
    ...named,
    ...tariffs.map((t) => ({ what: `tariff ${t.id ?? '?'}`, currency: t.currency })),
  ]);

export interface PricedBilling {
  cost: CostResult | null;
  costOf: 'cdr' | 'session' | null;
  sessionCost: CostResult | null;
  checks: BillingCheck[];
}

/**
 * Prices and checks a session and/or its CDR with `tariffs`: the CDR's periods when there is a CDR (the
 * session's time zone when the CDR's Location has none), the session's too when there is a session.
 */
export function priceAndCheck(
  session: NormalizedSession | null,
  cdr: Cdr | null,
  tariffs: Tariff[],
): PricedBilling {
  const timeZone = cdr?.location?.timeZone ?? session?.location?.timeZone ?? null;
  const priced = tariffs.length > 0;
  const cdrCost = cdr && priced ? priceSession({ ...pricingInputFromCdr(cdr, tariffs), timeZone }) : null;
  const sessionCost =
    session && priced ? priceSession({ ...pricingInputFromSession(session, tariffs), timeZone }) : null;
  if (session && cdr)
    return {
      cost: cdrCost,
      costOf: cdrCost ? 'cdr' : null,
      sessionCost,
      checks: reconcile({ session, cdr, tariffs, cdrCost, sessionCost }),
    };
  if (cdr)
    return {
      cost: cdrCost,
      costOf: cdrCost ? 'cdr' : null,
      sessionCost: null,
      checks: [
        ...cdrSelfChecks({ ...cdr, tariffs }, cdrCost),
        ...(priced ? checkTariffsFound(tariffs, cdr.periods, 'cdr') : []),
      ],
    };
  if (session && sessionCost)
    return {
      cost: sessionCost,
      costOf: 'session',
      sessionCost,
      checks: [
        ...checkSessionCost(session, sessionCost),
        ...checkTariffsFound(tariffs, session.periods, 'session', session.connector?.tariffIds ?? []),
        ...currencies([{ what: 'session', currency: session.currency }], tariffs),
      ],
    };
  return { cost: null, costOf: null, sessionCost: null, checks: [] };
}

/**
 * Reads the texts and prices them: every file must read, or the first that does not is the error. With a
 * CDR search that found none (and no CDR attached otherwise), CDR_MISSING is judged on it.
 */
export function computeBilling(
  session: NormalizedSession | null,
  texts: BillingTexts,
  cdrSearch?: CdrSearchReport,
): Result<BillingAttachment> {
  let cdr: Cdr | null = null;
  let cdrWarnings: ReaderWarning[] = [];
  if (texts.cdr) {
    const read = readCdr(texts.cdr.text);
    if (!read.ok) return unreadable(texts.cdr.fileName, 'CDR', read.error.message);
    cdr = read.cdr;
    cdrWarnings = read.warnings;
  }
  const given: Tariff[] = [];
  const tariffWarnings: ReaderWarning[] = [];
  for (const file of texts.tariffs) {
    const read = readTariffs(file.text);
    if (!read.ok) return unreadable(file.fileName, 'tariff', read.error.message);
    given.push(...read.tariffs);
    tariffWarnings.push(...read.warnings.map((w) => ({ ...w, path: `${file.fileName}: ${w.path}` })));
  }
  const tariffs = given.length ? given : (cdr?.tariffs ?? []);
  const priced = priceAndCheck(session, cdr, tariffs);
  const missing = session && !cdr && cdrSearch ? checkCdrMissing(session, cdrSearch) : [];
  return {
    ok: true,
    value: {
      cdrText: texts.cdr?.text ?? null,
      cdrFileName: texts.cdr?.fileName ?? null,
      cdr,
      cdrWarnings,
      tariffTexts: texts.tariffs,
      tariffs,
      tariffsFrom: given.length ? 'files' : tariffs.length ? 'cdr' : 'none',
      tariffWarnings,
      ...priced,
      checks: [...priced.checks, ...missing],
      ...(cdrSearch ? { cdrSearch } : {}),
    },
  };
}

function unreadable(fileName: string, what: string, reason: string): Result<never> {
  return {
    ok: false,
    error: appError(
      'not-a-session',
      `${fileName} could not be read as a ${what}: ${reason}`,
      'Choose a CDR or tariff file.',
    ),
  };
}

/** The texts an attachment was computed from (what a bundle carries). */
export const billingTextsOf = (b: BillingAttachment | undefined): BillingTexts => ({
  cdr: b?.cdrText != null ? { fileName: b.cdrFileName ?? 'cdr.json', text: b.cdrText } : null,
  tariffs: b?.tariffTexts ?? [],
});

/**
 * Attaches files to a session's billing: a CDR replaces the CDR, a tariff file joins the tariffs. A file
 * that is neither is refused with a message (nothing attached is lost). `cdrSearch` replaces the last CDR
 * search; without one the current search stays.
 */
export function attachBillingFiles(
  session: NormalizedSession | null,
  current: BillingAttachment | undefined,
  files: { fileName: string; text: string }[],
  cdrSearch?: CdrSearchReport,
): Result<BillingAttachment> {
  let texts = billingTextsOf(current);
  for (const file of files) {
    if (file.text.length > MAX_SESSION_FILE_BYTES)
      return { ok: false, error: tooLargeError(file.text.length, file.fileName) };
    const kind = billingKindOfText(file.text);
    if (kind === null)
      return {
        ok: false,
        error: appError(
          'not-a-session',
          `${file.fileName} is neither a CDR nor a tariff (no total_energy, total_time or cdr_location; no tariff elements).`,
          'Attach an OCPI CDR, a Tariff or a list of Tariffs (bare or in its response envelope).',
        ),
      };
    texts = kind === 'cdr' ? { ...texts, cdr: file } : { ...texts, tariffs: [...texts.tariffs, file] };
  }
  return computeBilling(session, texts, cdrSearch ?? current?.cdrSearch);
}

/** Attaches one more file to a session's billing (see attachBillingFiles). */
export const attachBillingFile = (
  session: NormalizedSession | null,
  current: BillingAttachment | undefined,
  file: { fileName: string; text: string },
): Result<BillingAttachment> => attachBillingFiles(session, current, [file]);

/** The attachments computed again for a session (e.g. a bundle re-opened, its volumes re-read). */
export const recomputeBilling = (
  session: NormalizedSession | null,
  current: BillingAttachment,
): Result<BillingAttachment> => computeBilling(session, billingTextsOf(current), current.cdrSearch);
