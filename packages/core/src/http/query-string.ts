/**
 * A query string (without the `?`) with each space as `%20`, as the official Go SDK sends it
 * and as the AK/SK signature's canonical query has it. `URLSearchParams` writes a space as `+`,
 * which a gateway may read as a literal plus; it writes a literal `+` as `%2B`, so every `+`
 * it leaves is a space.
 * @internal
 */
export function queryString(params: URLSearchParams): string {
  return params.toString().replaceAll('+', '%20');
}
