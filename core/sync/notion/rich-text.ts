/** Notion's limits on one rich-text value (request-limits page). */
export const RICH_TEXT_LIMITS = Object.freeze({ charsPerItem: 2000, itemsPerArray: 100 });

/** The most text one rich-text property can hold. */
export const MAX_RICH_TEXT_CHARS = RICH_TEXT_LIMITS.charsPerItem * RICH_TEXT_LIMITS.itemsPerArray;

const ELLIPSIS = '…';

/**
 * Text fitted to what one rich-text property can hold: longer text is cut and ends with an
 * ellipsis. The mapper applies this before hashing, so the hash describes what Notion stores.
 */
export function fitText(text: string): string {
  if (text.length <= MAX_RICH_TEXT_CHARS) return text;
  let cut = MAX_RICH_TEXT_CHARS - ELLIPSIS.length;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return text.slice(0, cut) + ELLIPSIS;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Splits text into pieces of at most 2,000 UTF-16 code units (what Notion counts), never
 * between the two halves of a surrogate pair, at most 100 pieces (longer text is cut first by
 * {@link fitText}). Empty text is no pieces: Notion's empty rich text is `[]`.
 */
export function splitText(text: string): string[] {
  const fitted = fitText(text);
  const pieces: string[] = [];
  let at = 0;
  while (at < fitted.length) {
    let end = Math.min(fitted.length, at + RICH_TEXT_LIMITS.charsPerItem);
    if (end < fitted.length && isHighSurrogate(fitted.charCodeAt(end - 1))) end--;
    pieces.push(fitted.slice(at, end));
    at = end;
  }
  return pieces;
}

/** A rich-text request array for plain text. */
export function toRichText(text: string): Array<{ type: 'text'; text: { content: string } }> {
  return splitText(text).map((content) => ({ type: 'text', text: { content } }));
}

/** Plain text of a rich-text response array (the pieces joined back). */
export function fromRichText(items: ReadonlyArray<{ plain_text?: string }> | undefined): string {
  return (items ?? []).map((i) => i.plain_text ?? '').join('');
}
