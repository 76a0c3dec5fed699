/** The one place billing reads a dimension column of a period table. */
import type { PeriodTable } from '../session/types';

/** The column of `type`, undefined when no period has it; ENERGY in kWh (the reader's unit-corrected column). */
export function dimensionColumn(table: PeriodTable, type: string): Float64Array | undefined {
  if (type === 'ENERGY') return table.dimensionTypes.includes('ENERGY') ? table.energyKwh : undefined;
  return table.dimensions.get(type);
}
