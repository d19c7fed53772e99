/** Whether `value` is a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether every key of `value` is in `allowed`. */
export function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

/** A request body that must be a JSON object: `'blank'` when empty, `'invalid'` when not JSON or not an object. */
export function readJsonObject(body: Buffer): Record<string, unknown> | 'blank' | 'invalid' {
  const text = body.toString('utf8');
  if (text.trim() === '') return 'blank';
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : 'invalid';
  } catch {
    return 'invalid';
  }
}
