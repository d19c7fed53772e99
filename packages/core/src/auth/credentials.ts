import * as v from 'valibot';

/** A non-empty string secret; its value never appears in an error. */
const SecretSchema = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));

/** A secret sent in a header: printable ASCII, no space or line break (which would break the header). */
const HeaderSecretSchema = v.pipe(
  SecretSchema,
  v.regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces or line breaks'),
);

/** AK/SK credentials: permanent, or temporary with a security token. */
export const AkSkCredentialsSchema = v.strictObject(
  {
    accessKey: v.pipe(HeaderSecretSchema, v.regex(/^[^,]+$/, 'must not contain a comma')),
    secretKey: SecretSchema,
    securityToken: v.optional(HeaderSecretSchema),
  },
  'must be { accessKey, secretKey, securityToken? }',
);

/** AK/SK credentials for `SDK-HMAC-SHA256` signing. */
export interface AkSkCredentials {
  /** The access key id (AK). It is sent in the `Authorization` header. */
  accessKey: string;
  /** The secret access key (SK). It signs, and is never sent nor shown. */
  secretKey: string;
  /** The security token of temporary credentials; sent (signed) as `X-Security-Token`. */
  securityToken?: string | undefined;
}

/** Token credentials: an IAM project-scoped token, sent as `X-Auth-Token`. */
export interface TokenCredentials {
  /** The IAM token (the `X-Subject-Token` of `POST /v3/auth/tokens`). */
  token: string;
}

/** Token credentials schema. */
export const TokenCredentialsSchema = v.strictObject({ token: HeaderSecretSchema }, 'must be { token }');
