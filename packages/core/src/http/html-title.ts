/** The longest title taken from a page, in characters; a longer one is not a title worth showing. */
const MAX_TITLE_LENGTH = 200;

/** The closing tag, lower-case. */
const TITLE_END = '</title>';

/**
 * The text of the first `<title …>text</title>` of an HTML page, trimmed: up to 200 characters
 * with no `<` in them. Linear in the length of `html`, whatever it holds: each character is
 * looked at a bounded number of times. (A regular expression such as `<title[^>]*>` backtracks
 * quadratically over a page of repeated `<title` with no `>`.)
 * @returns The title, or undefined when there is none.
 * @internal
 */
export function htmlTitle(html: string): string | undefined {
  // A literal, in any case: found in one pass.
  const tags = /<title/gi;
  for (let start = tags.exec(html); start !== null; start = tags.exec(html)) {
    const open = html.indexOf('>', tags.lastIndex);
    // No `>` after this `<title`: none after any later one either.
    if (open === -1) return undefined;
    const end = html.indexOf('<', open + 1);
    const length = (end === -1 ? html.length : end) - (open + 1);
    if (
      end !== -1 &&
      length >= 1 &&
      length <= MAX_TITLE_LENGTH &&
      html.slice(end, end + TITLE_END.length).toLowerCase() === TITLE_END
    ) {
      const title = html.slice(open + 1, end).trim();
      if (title !== '') return title;
    }
    // Every `<title` before that `>` ends at the same `>` and fails the same way: go past it.
    tags.lastIndex = open + 1;
  }
  return undefined;
}
