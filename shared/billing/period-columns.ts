/** The one place billing reads a dimension column of a period table (its storage may change). */
import type { PeriodTable } from '../session/types';

export const dimensionColumn = (table: PeriodTable, type: string): Float64Array | undefined =>
  table.dimensionTypes.includes(type) ? table.dimensions[type] : undefined;
