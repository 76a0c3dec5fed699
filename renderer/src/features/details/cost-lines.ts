/** A Cost in words, whichever of the three OCPI price shapes it came in. */
import type { Cost } from '../../../../shared/session/types';
import { formatNumber } from '../../format/format';

export function costLines(cost: Cost, currency: string | null): string[] {
  const cur = currency ?? '(no currency)';
  const money = (n: number | null): string => `${formatNumber(n, 4)} ${cur}`;
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
            `${t.name ?? 'Tax'}${t.percentage !== null ? ` ${formatNumber(t.percentage, 2)}%` : ''}: ${money(t.amount)}`,
        ),
        `${money(cost.inclVat)} after taxes`,
      ];
  }
}
