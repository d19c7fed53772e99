/**
 * A new `tag` element of `document` with the `part` names (space-separated) that pages style
 * it by through `::part(…)`, and `text` as its text (never parsed as HTML).
 */
export function partElement<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  part: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.setAttribute('part', part);
  element.textContent = text;
  return element;
}
