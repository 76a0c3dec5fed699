/**
 * An OCPI price in whichever of its three shapes it came: a number (2.1.1 and vendor, excl. VAT),
 * `{excl_vat, incl_vat}` (2.2.x) or `{before_taxes, taxes[]}` (2.3.0). Session and CDR totals and the
 * tariff price limits are all read by this one rule.
 */
import type { Cost } from './types';
import { childPath, type FieldReader, isObject } from './field-reader';

/** `raw` is the field's value; `path` where it sits. Null when absent or unreadable (with a warning). */
export function readPrice(f: FieldReader, raw: unknown, path: string): Cost | null {
  const p = path;
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    const exclVat = f.numberValue(raw, p);
    return exclVat === null ? null : { shape: 'number', exclVat, inclVat: null, taxes: [] };
  }
  if ('before_taxes' in raw || 'taxes' in raw) {
    const taxes = (f.array(raw, 'taxes', p) ?? []).flatMap((t, i) => {
      const tp = childPath(childPath(p, 'taxes'), i);
      if (!isObject(t)) {
        f.sink.add(tp, 'expected a tax object; ignored');
        return [];
      }
      return [
        {
          name: f.string(t, 'name', tp),
          amount: f.number(t, 'amount', tp),
          percentage: f.number(t, 'percentage', tp),
        },
      ];
    });
    const exclVat = f.number(raw, 'before_taxes', p);
    const known = taxes.every((t) => t.amount !== null);
    const inclVat =
      exclVat !== null && known ? taxes.reduce((sum, t) => sum + (t.amount ?? 0), exclVat) : null;
    return { shape: 'before_taxes', exclVat, inclVat, taxes };
  }
  const exclVat = f.number(raw, 'excl_vat', p);
  const inclVat = f.number(raw, 'incl_vat', p);
  if (exclVat === null && inclVat === null) {
    f.sink.add(p, 'a price object without excl_vat, incl_vat or before_taxes; ignored');
    return null;
  }
  return { shape: 'excl_incl', exclVat, inclVat, taxes: [] };
}
