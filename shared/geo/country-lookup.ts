import { COUNTRY_BOXES } from './country-boxes';

let boxesByCode: Map<string, readonly number[]> | undefined;

/** Built on first use so importing the reader costs nothing until a location is checked. */
function boxesFor(code: string): readonly number[] | undefined {
  if (!boxesByCode) {
    boxesByCode = new Map();
    for (const [alpha2, alpha3, boxes] of COUNTRY_BOXES) {
      boxesByCode.set(alpha2, boxes);
      boxesByCode.set(alpha3, boxes);
    }
  }
  return boxesByCode.get(code.trim().toUpperCase());
}

/**
 * Whether a point lies in one of the country's padded bounding boxes (coarse: a true means "plausibly
 * there", a false means "clearly not"). `code` is ISO 3166-1 alpha-2 or alpha-3 in any case.
 * Returns null when the country is not known (no Natural Earth id, or a territory drawn with its parent).
 */
export function countryContains(code: string, latitude: number, longitude: number): boolean | null {
  const boxes = boxesFor(code);
  if (!boxes) return null;
  // Boxes are stored in tenths of a degree, so compare in tenths.
  const lat = latitude * 10;
  const lon = longitude * 10;
  for (let i = 0; i < boxes.length; i += 4) {
    if (lat >= boxes[i] && lon >= boxes[i + 1] && lat <= boxes[i + 2] && lon <= boxes[i + 3]) return true;
  }
  return false;
}
