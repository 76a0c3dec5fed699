/**
 * The one text rule for everything the app parses (responses, opened and dropped files, CLI input, the
 * Raw tab): a byte-order mark is not content, and UTF-16 files are read as UTF-16.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The encoding of `bytes`: a BOM says it; else UTF-16 JSON shows as a NUL next to its first character. */
export function detectEncoding(bytes: Uint8Array): {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  bom: number;
} {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // RFC 4627 §3: JSON starts with an ASCII character, so its first two bytes tell UTF-16 without a BOM.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return { encoding: 'utf-16le', bom: 0 };
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0)
    return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Bytes as text by the rule above; invalid sequences become U+FFFD rather than failing. */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bom } = detectEncoding(bytes);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bom));
}

/** Text that was decoded elsewhere (a dropped file, a string inside a bundle) without its leading BOM. */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
