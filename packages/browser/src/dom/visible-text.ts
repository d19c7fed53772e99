/**
 * Characters that act instead of showing: C0 and C1 controls, bidi overrides, embeddings and
 * isolates, zero-width characters, line and paragraph separators, the byte order mark.
 */
const ACTING_CHARACTERS = /[\0-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * `text` with every control, bidi or invisible formatting character written out as `\u{…}`,
 * so that a name from the API cannot reorder, hide or break the text around it. Insert the
 * result with `textContent`: markup in it stays text.
 */
export function visibleText(text: string): string {
  return text.replace(ACTING_CHARACTERS, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`);
}
