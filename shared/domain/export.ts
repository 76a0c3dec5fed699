/** What leaves the app as a file: the export formats and the result of a save. */

export type ExportFormat = 'bundle' | 'csv' | 'html';

export const isExportFormat = (v: unknown): v is ExportFormat =>
  v === 'bundle' || v === 'csv' || v === 'html';

export interface SavedFile {
  /** null when the user cancelled the dialog. */
  path: string | null;
  bytes: number;
}
