/**
 * Server text shown to a person: bidi overrides and other invisible or control characters become visible
 * marks (`⟨U+202E⟩`), so `EVSE\u202Eexe.txt` cannot display as "EVSEtxt.exe" and ESC or BEL never reach a
 * terminal raw. Every string the presenter outputs goes through this one function.
 */

/**
 * Controls (Cc: C0, DEL, C1), format characters (Cf: bidi embeddings, overrides and isolates, LRM/RLM,
 * zero-width spaces and joiners, BOM, soft hyphen, …), line and paragraph separators, lone surrogates.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const mark = (c: string): string => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;

export function visibleText(text: string): string {
  return text.replace(INVISIBLE, mark);
}

/** `visibleText` for a value that may be absent. */
export function visibleOrNull(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : visibleText(text);
}

/**
 * JSON whose strings keep their values but hold no invisible character raw: each is written as its `\uXXXX`
 * escape, so a terminal shows it and `JSON.parse` gives back exactly the same data.
 */
export function jsonWithVisibleEscapes(value: unknown): string {
  return JSON.stringify(value).replace(
    INVISIBLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
