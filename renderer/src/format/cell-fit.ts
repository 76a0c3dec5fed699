/** The widest a 12 px tabular character is drawn, and a table cell's side padding (6 px each side). */
const CHAR_PX = 8;
const CELL_PADDING_PX = 12;

/**
 * Whether a cell's text may not fit a column `widthPx` wide. Tables clip only such cells (with an ellipsis
 * and the full text as a tooltip): a clip on each of the ~130 cells in view doubled the layout and paint of
 * a redraw.
 */
export const overflows = (text: string, widthPx: number): boolean =>
  text.length * CHAR_PX > widthPx - CELL_PADDING_PX;
