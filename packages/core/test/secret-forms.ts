/**
 * The secrets the attack tables try to leak, and the forms a server or proxy may echo a secret
 * in: one place for the core and CLI tables and the CLI's output check.
 */

/** The secrets: each has a `"` or a `\`, so that its JSON-escaped form differs from it. */
export const ATTACK_SECRETS = {
  token: 'MIIEtok+"SECRET\\/7c4d1f9a==',
  secretKey: 'sk"SECRET\\a9c4e1f7d3b2',
  securityToken: 'sts+SECRET\\/"7e2d8c4b19ff==',
  'a 4-character token': 'Q"7\\',
} as const;

/** The name of one of {@link ATTACK_SECRETS}. */
export type AttackSecretName = keyof typeof ATTACK_SECRETS;

/** The encodings a server or proxy may echo a secret in, by name. */
export const SECRET_ENCODINGS: Readonly<Record<string, (secret: string) => string>> = {
  raw: (secret) => secret,
  'URL-encoded': (secret) => encodeURIComponent(secret),
  'JSON-escaped': (secret) => JSON.stringify(secret).slice(1, -1),
  base64: (secret) => Buffer.from(secret).toString('base64'),
  base64url: (secret) => Buffer.from(secret).toString('base64url'),
};

/**
 * A secret in each of its {@link SECRET_ENCODINGS}, with base64 padding left off so that the
 * form is also found inside longer base64.
 */
export function secretForms(secret: string): string[] {
  return Object.values(SECRET_ENCODINGS).map((encode) => encode(secret).replace(/=+$/, ''));
}
