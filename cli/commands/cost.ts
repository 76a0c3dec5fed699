/**
 * `ocpi-inspect cost <session-or-cdr-file> [--tariff FILE …] [--location FILE] [--json]`: prices the periods
 * with the tariffs (a CDR's own when none is given) and says where the file's own total_cost disagrees.
 */
import { priceSession } from '../../shared/billing/cost-engine';
import { costReport, formatCostText } from '../../shared/billing/billing-summary';
import { pricingInputFromCdr, pricingInputFromSession } from '../../shared/billing/pricing-input';
import {
  checkCdrCost,
  checkCurrencies,
  checkSessionCost,
  checkTariffsFound,
} from '../../shared/billing/reconcile';
import { jsonWithVisibleEscapes } from '../../shared/present/visible-text';
import { CliError, type CliIo, parseArgs } from '../io';
import { readBillingFile, readLocationFile, readTariffFiles, takeRepeated } from './billing-input';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values: tariffFiles, rest } = takeRepeated(args, 'tariff');
  const { positionals, options } = parseArgs(rest, ['json'], ['location', 'tariff']);
  if (positionals.length !== 1)
    throw new CliError('cost takes exactly one input: a session or CDR file (or - for standard input)');
  const location = await readLocationFile(
    typeof options.location === 'string' ? options.location : undefined,
    io,
  );
  const input = await readBillingFile(positionals[0], io, location);
  const given = await readTariffFiles(tariffFiles, io);

  let result;
  let anomalies;
  let tariffs = given;
  if (input.kind === 'cdr') {
    const cdr = input.read.cdr;
    tariffs = given.length ? given : cdr.tariffs;
    if (tariffs.length === 0) throw new CliError('the CDR carries no tariff: give one with --tariff FILE');
    result = priceSession(pricingInputFromCdr(cdr, tariffs));
    anomalies = [
      ...checkCdrCost(cdr, result),
      ...checkTariffsFound(tariffs, cdr.periods, 'cdr'),
      ...checkCurrencies([
        { what: 'CDR', currency: cdr.currency },
        ...tariffs.map((t) => ({ what: `tariff ${t.id ?? '?'}`, currency: t.currency })),
      ]),
    ];
  } else {
    const session = input.read.session;
    if (given.length === 0) throw new CliError('a session carries no tariff: give one with --tariff FILE');
    result = priceSession(pricingInputFromSession(session, given));
    anomalies = [
      ...checkSessionCost(session, result),
      ...checkTariffsFound(given, session.periods, 'session', session.connector?.tariffIds ?? []),
      ...checkCurrencies([
        { what: 'session', currency: session.currency },
        ...given.map((t) => ({ what: `tariff ${t.id ?? '?'}`, currency: t.currency })),
      ]),
    ];
  }
  io.stdout(
    options.json
      ? jsonWithVisibleEscapes(costReport(result, anomalies)) + '\n'
      : formatCostText(result, anomalies, tariffs),
  );
  return 0;
}
