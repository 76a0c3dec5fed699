/**
 * A tariff in words, for people: "€0.30/kWh 08:00–18:00 local, else €0.20/kWh; parking €6/h in 15-minute
 * blocks". Per dimension, the elements in the order the engine tries them; an unrestricted one reads "else".
 */
import { formatMoney } from './money';
import {
  DAYS_OF_WEEK,
  type PriceComponent,
  type Tariff,
  type TariffDimension,
  type TariffRestrictions,
} from './types';

const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LABEL: Record<TariffDimension, string> = {
  FLAT: 'start fee',
  ENERGY: '',
  TIME: 'charging',
  PARKING_TIME: 'parking',
};
const ORDER: TariffDimension[] = ['FLAT', 'ENERGY', 'TIME', 'PARKING_TIME'];

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const dateOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

function seconds(s: number): string {
  if (s % 3600 === 0) return `${s / 3600} h`;
  if (s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

function days(list: number[]): string {
  const sorted = [...new Set(list)].sort((a, b) => a - b);
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (sorted.length > 2 && contiguous)
    return `${DAY_SHORT[sorted[0]]}–${DAY_SHORT[sorted[sorted.length - 1]]}`;
  return sorted.map((d) => DAY_SHORT[d] ?? DAYS_OF_WEEK[d]).join(', ');
}

export function restrictionWords(r: TariffRestrictions | null): string {
  if (!r) return '';
  const parts: string[] = [];
  if (r.reservation)
    parts.push(r.reservation === 'RESERVATION_EXPIRES' ? 'for an expired reservation' : 'while reserved');
  if (r.startTime !== null || r.endTime !== null)
    parts.push(`${hhmm(r.startTime ?? 0)}–${hhmm(r.endTime ?? 0)} local`);
  if (r.dayOfWeek.length) parts.push(days(r.dayOfWeek));
  if (r.startDate !== null) parts.push(`from ${dateOf(r.startDate)}`);
  if (r.endDate !== null) parts.push(`before ${dateOf(r.endDate)}`);
  if (r.minKwh !== null) parts.push(`from ${r.minKwh} kWh`);
  if (r.maxKwh !== null) parts.push(`below ${r.maxKwh} kWh`);
  if (r.minPower !== null) parts.push(`at ${r.minPower} kW or more`);
  if (r.maxPower !== null) parts.push(`below ${r.maxPower} kW`);
  if (r.minCurrent !== null) parts.push(`at ${r.minCurrent} A or more`);
  if (r.maxCurrent !== null) parts.push(`below ${r.maxCurrent} A`);
  if (r.minDuration !== null) parts.push(`after ${seconds(r.minDuration)}`);
  if (r.maxDuration !== null) parts.push(`in the first ${seconds(r.maxDuration)}`);
  return parts.join(' ');
}

function priceWords(c: PriceComponent, currency: string | null): string {
  const money = formatMoney(c.price, currency, true);
  if (c.type === 'FLAT') return money;
  if (c.type === 'ENERGY') return `${money}/kWh${c.stepSize > 1 ? ` per ${c.stepSize} Wh` : ''}`;
  const step =
    c.stepSize > 1
      ? ` in ${c.stepSize % 60 === 0 ? `${c.stepSize / 60}-minute` : `${c.stepSize}-second`} blocks`
      : '';
  return `${money}/h${step}`;
}

/** One element in words, its components in the engine's order: "€0.30/kWh, parking €6/h 08:00–18:00 local". */
export function elementInWords(tariff: Tariff, element: number): string {
  const el = tariff.elements[element];
  if (!el) return 'no prices';
  const prices = ORDER.flatMap((dim) => {
    const c = el.components.find((x) => x.type === dim);
    if (!c) return [];
    const price = priceWords(c, tariff.currency);
    return [LABEL[dim] ? `${LABEL[dim]} ${price}` : price];
  });
  const when = restrictionWords(el.restrictions);
  const text = prices.length ? prices.join(', ') : 'no prices';
  return when ? `${text} ${when}` : text;
}

export function tariffInWords(tariff: Tariff): string {
  const clauses: string[] = [];
  for (const dim of ORDER) {
    const items = tariff.elements.flatMap((el) => {
      const c = el.components.find((x) => x.type === dim);
      return c ? [{ c, when: restrictionWords(el.restrictions) }] : [];
    });
    if (items.length === 0) continue;
    const text = items
      .map(({ c, when }, i) => {
        const price = priceWords(c, tariff.currency);
        if (when) return `${price} ${when}`;
        return i === 0 ? price : `else ${price}`;
      })
      .join(', ');
    clauses.push(LABEL[dim] ? `${LABEL[dim]} ${text}` : text);
  }
  if (tariff.minPrice?.exclVat != null)
    clauses.push(`at least ${formatMoney(tariff.minPrice.exclVat, tariff.currency)}`);
  if (tariff.maxPrice?.exclVat != null)
    clauses.push(`at most ${formatMoney(tariff.maxPrice.exclVat, tariff.currency)}`);
  if (clauses.length === 0) return 'no prices';
  const tax =
    tariff.taxIncluded === 'YES' ? ' (taxes included)' : tariff.taxIncluded === 'N/A' ? ' (no taxes)' : '';
  return clauses.join('; ') + tax;
}
