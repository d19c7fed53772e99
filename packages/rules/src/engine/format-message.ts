/** A `{{ name }}` placeholder of a message template; its name is the first group. */
export const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * Fills a message template's `{{placeholders}}` from `data`; a placeholder without data is
 * left as it is, so that a test can see it was not filled.
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (data === undefined) return template;
  return template.replace(PLACEHOLDER, (placeholder, key: string) =>
    Object.hasOwn(data, key) ? String(data[key]) : placeholder,
  );
}
