import * as v from 'valibot';

/**
 * A number the API sends as a string in some places and as a number in others
 * (flavor `vcpus` is "60" in examples and SDKs but "Integer" in a doc table).
 */
export const NumberishSchema = v.union([v.string(), v.number()]);
