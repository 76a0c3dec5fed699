/**
 * Display helpers for the panels. Times, numbers and masking are decided once in shared/present (the
 * same rules as the report and the CLI) and re-exported here; bytes are the renderer's own.
 */
export { formatTime, resolveZone, type ZoneChoice } from '../../../shared/present/time';
export { formatNumber } from '../../../shared/present/numbers';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
