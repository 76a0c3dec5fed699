/** Readable names for OCPI ConnectorType, ConnectorFormat and PowerType values. */

const STANDARDS: Record<string, string> = {
  CHADEMO: 'CHAdeMO',
  CHAOJI: 'ChaoJi',
  DOMESTIC_A: 'Domestic type A (NEMA 1-15)',
  DOMESTIC_B: 'Domestic type B (NEMA 5-15)',
  DOMESTIC_C: 'Domestic type C (CEE 7/17)',
  DOMESTIC_D: 'Domestic type D (BS 546)',
  DOMESTIC_E: 'Domestic type E (CEE 7/5)',
  DOMESTIC_F: 'Domestic type F (Schuko, CEE 7/4)',
  DOMESTIC_G: 'Domestic type G (BS 1363)',
  DOMESTIC_H: 'Domestic type H (SI-32)',
  DOMESTIC_I: 'Domestic type I (AS 3112)',
  DOMESTIC_J: 'Domestic type J (SEV 1011)',
  DOMESTIC_K: 'Domestic type K (DS 60884-2-D1)',
  DOMESTIC_L: 'Domestic type L (CEI 23-16-VII)',
  DOMESTIC_M: 'Domestic type M (BS 546, 15 A)',
  DOMESTIC_N: 'Domestic type N (NBR 14136)',
  DOMESTIC_O: 'Domestic type O (TIS 166-2549)',
  GBT_AC: 'GB/T AC',
  GBT_DC: 'GB/T DC',
  IEC_60309_2_single_16: 'IEC 60309-2 single phase 16 A',
  IEC_60309_2_three_16: 'IEC 60309-2 three phase 16 A',
  IEC_60309_2_three_32: 'IEC 60309-2 three phase 32 A',
  IEC_60309_2_three_64: 'IEC 60309-2 three phase 64 A',
  IEC_62196_T1: 'Type 1 (SAE J1772)',
  IEC_62196_T1_COMBO: 'CCS1 (Combo 1)',
  IEC_62196_T2: 'Type 2 (Mennekes)',
  IEC_62196_T2_COMBO: 'CCS2 (Combo 2)',
  IEC_62196_T3A: 'Type 3A',
  IEC_62196_T3C: 'Type 3C (Scame)',
  MCS: 'Megawatt Charging System',
  NEMA_5_20: 'NEMA 5-20',
  NEMA_6_30: 'NEMA 6-30',
  NEMA_6_50: 'NEMA 6-50',
  NEMA_10_30: 'NEMA 10-30',
  NEMA_10_50: 'NEMA 10-50',
  NEMA_14_30: 'NEMA 14-30',
  NEMA_14_50: 'NEMA 14-50',
  PANTOGRAPH_BOTTOM_UP: 'Pantograph (bottom up)',
  PANTOGRAPH_TOP_DOWN: 'Pantograph (top down)',
  SAE_J3400: 'NACS (SAE J3400)',
  TESLA_R: 'Tesla Roadster',
  TESLA_S: 'Tesla (Model S/X)',
};

const FORMATS: Record<string, string> = { SOCKET: 'Socket', CABLE: 'Cable attached' };

const POWER_TYPES: Record<string, string> = {
  AC_1_PHASE: 'AC single phase',
  AC_2_PHASE: 'AC two phases',
  AC_2_PHASE_SPLIT: 'AC two phases, split',
  AC_3_PHASE: 'AC three phases',
  DC: 'DC',
};

/** The readable label, or the value as sent when it is not a known one. */
export const standardLabel = (v: string | null): string => (v === null ? '—' : (STANDARDS[v] ?? v));
export const formatLabel = (v: string | null): string => (v === null ? '—' : (FORMATS[v] ?? v));
export const powerTypeLabel = (v: string | null): string => (v === null ? '—' : (POWER_TYPES[v] ?? v));
