import * as v from 'valibot';

/** The longest id accepted. Real ids are UUIDs (36), 32-hex job ids, or flavor names. */
export const MAX_ID_LENGTH = 128;

/**
 * An id that goes into a URL path or a request body: a project, server, job, volume or flavor
 * id. Letters, digits, `.`, `_` and `-`, starting with a letter or digit, no `..`: nothing
 * that could change the path (`/ ? # %`, dot segments), a header or a query.
 */
export const IdSchema = v.pipe(
  v.string('must be a string'),
  v.nonEmpty('must not be empty'),
  v.maxLength(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`),
  v.regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'may hold only letters, digits, ".", "_" and "-", and must start with a letter or digit',
  ),
  v.check((id) => !id.includes('..'), 'must not contain ".."'),
);
