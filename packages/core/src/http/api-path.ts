/**
 * Builds an API path from a template, percent-encoding every interpolated id so that it stays
 * inside its own path segment: ``apiPath`/v1/${projectId}/jobs/${jobId}` ``. Ids are also
 * validated before they get here; the encoding is a second, independent guard.
 * @internal
 */
export function apiPath(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((path, text, index) => path + encodeURIComponent(ids[index - 1] ?? '') + text);
}
