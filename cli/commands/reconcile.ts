/**
 * `ocpi-inspect reconcile <session-file> <cdr-file> [--tariff FILE …] [--location FILE] [--json]`: every
 * check between a session and its CDR, both summaries, and the CDR priced by the engine (its own tariffs
 * unless others are given; null when there is none).
 */
import {
  cdrFacts,
  costReport,
  formatCdrSummaryText,
  formatCostText,
  summarizeCdr,
} from '../../shared/billing/billing-summary';
import { priceAndCheck } from '../../shared/billing/attach';
import { checkCdrCost } from '../../shared/billing/reconcile';
import { jsonWithVisibleEscapes, visibleText } from '../../shared/present/visible-text';
import { presentSession } from '../../shared/present/present-session';
import { formatSummaryText, summarize } from '../../shared/session/summary';
import { CliError, type CliIo, parseArgs } from '../io';
import { readBillingFile, readLocationFile, readTariffFiles, takeRepeated } from './billing-input';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values: tariffFiles, rest } = takeRepeated(args, 'tariff');
  const { positionals, options } = parseArgs(rest, ['json'], ['location', 'tariff']);
  if (positionals.length !== 2)
    throw new CliError('reconcile takes two inputs: a session file and a CDR file');
  const location = await readLocationFile(
    typeof options.location === 'string' ? options.location : undefined,
    io,
  );
  const sessionFile = await readBillingFile(positionals[0], io, location);
  const cdrFile = await readBillingFile(positionals[1], io, location);
  if (sessionFile.kind !== 'session')
    throw new CliError(`${positionals[0]} is a CDR; give the session first, then its CDR`);
  if (cdrFile.kind !== 'cdr') throw new CliError(`${positionals[1]} is not a CDR`);
  const { session } = sessionFile.read;
  const { cdr, warnings } = cdrFile.read;
  const given = await readTariffFiles(tariffFiles, io);
  const tariffs = given.length ? given : cdr.tariffs;

  // Priced and checked as the app does (the session's time zone when the CDR's Location has none).
  const { cost: cdrCost, checks: anomalies } = priceAndCheck(session, cdr, tariffs);
  const sessionSummary = {
    kind: 'session' as const,
    ...summarize(sessionFile.read, presentSession(sessionFile.read)),
  };
  const cdrSummary = summarizeCdr(cdr, [], warnings);
  const cost = cdrCost ? costReport(cdrCost, checkCdrCost(cdr, cdrCost)) : null;

  if (options.json) {
    io.stdout(jsonWithVisibleEscapes({ anomalies, session: sessionSummary, cdr: cdrSummary, cost }) + '\n');
    return 0;
  }
  io.stdout(
    [
      '== Reconciliation',
      ...(anomalies.length
        ? anomalies.map((a) => visibleText(`  [${a.severity.toUpperCase()}] ${a.code}: ${a.message}`))
        : ['  Session and CDR agree: no check fired.']),
      '',
      '== Session',
      formatSummaryText(presentSession(sessionFile.read, { cdr: cdrFacts(cdr) })),
      '== CDR',
      formatCdrSummaryText(cdrSummary),
      '== Cost of the CDR',
      cdrCost
        ? formatCostText(cdrCost, checkCdrCost(cdr, cdrCost), tariffs)
        : '  No tariff: the CDR carries none and none was given.\n',
    ].join('\n'),
  );
  return 0;
}
