/** Parsing JSON text into a typed error a user understands, with the position when the engine gives one. */
import { stripBom } from '../input/text';
import type { ReaderError } from './types';
import { findJsonErrorPosition } from './json-error-position';

export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: ReaderError } {
  // A byte-order mark is common in files saved by Windows tools; it is not an error (shared/input/text).
  const body = stripBom(text);
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const position = errorPosition(detail, body);
    const where = position === undefined ? '' : ` at ${lineColumn(body, position)}`;
    const empty = body.trim() === '';
    return {
      ok: false,
      error: {
        kind: 'not-json',
        message: empty
          ? 'The input is empty, not JSON.'
          : `The input is not valid JSON${where}: ${shortReason(detail)}.`,
        ...(position === undefined ? {} : { position }),
      },
    };
  }
}

function errorPosition(message: string, text: string): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    let line = 1;
    let index = 0;
    const target = Number(lc[1]);
    while (line < target && index >= 0) {
      index = text.indexOf('\n', index) + 1;
      if (index === 0) return undefined;
      line++;
    }
    return index + Number(lc[2]) - 1;
  }
  const found = findJsonErrorPosition(text);
  return found < 0 ? undefined : found;
}

function lineColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1} (character ${position})`;
}

function shortReason(message: string): string {
  // V8 quotes a slice of the input after a comma; the position already says where.
  const reason = message
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  return reason.length > 120 ? `${reason.slice(0, 120)}…` : reason;
}
