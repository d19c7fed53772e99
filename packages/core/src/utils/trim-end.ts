/**
 * `text` without the `char`s at its end: `trimEnd('a.b..', '.')` is `'a.b'`. A loop, linear in
 * any text (the regular expression `/\.+$/` is quadratic over a long run of the character
 * that does not reach the end).
 * @internal
 */
export function trimEnd(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end -= 1;
  return text.slice(0, end);
}
