/**
 * Registers the class `createClass` builds (from the page's `HTMLElement`, read only now, so
 * that importing an element's module needs no DOM) as `tagName` in `registry`, and returns it;
 * a name already registered returns the class it has.
 * @param tagName The element's name.
 * @param registry The custom element registry.
 * @param createClass Builds the element's class from the page's `HTMLElement`.
 */
export function defineElement(
  tagName: string,
  registry: CustomElementRegistry,
  createClass: (base: typeof HTMLElement) => CustomElementConstructor,
): CustomElementConstructor {
  const existing = registry.get(tagName);
  if (existing) return existing;
  const elementClass = createClass(HTMLElement);
  registry.define(tagName, elementClass);
  return elementClass;
}
