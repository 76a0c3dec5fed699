/** A Cost in words, whichever of the three OCPI price shapes it came in; amounts to the currency's minor unit. */
import type { Cost } from '../session/types';
import { formatMoneyAmount, formatNumber } from './numbers';
import { visibleText } from './visible-text';

export function costLines(cost: Cost | null, currency: string | null): string[] {
  const cur = currency === null ? '(no currency)' : visibleText(currency);
  if (cost === null) return [currency === null ? '—' : `— (${cur})`];
  const money = (n: number | null): string => `${formatMoneyAmount(n, currency)} ${cur}`;
  switch (cost.shape) {
    case 'number':
      return [`${money(cost.exclVat)} (a plain number: excl. VAT)`];
    case 'excl_incl':
      return [`${money(cost.exclVat)} excl. VAT`, `${money(cost.inclVat)} incl. VAT`];
    case 'before_taxes':
      return [
        `${money(cost.exclVat)} before taxes`,
        ...cost.taxes.map(
          (t) =>
            `${t.name === null ? 'Tax' : visibleText(t.name)}${t.percentage !== null ? ` ${formatNumber(t.percentage, 2)}%` : ''}: ${money(t.amount)}`,
        ),
        `${money(cost.inclVat)} after taxes`,
      ];
  }
}
