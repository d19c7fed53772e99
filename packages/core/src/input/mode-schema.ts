import * as v from 'valibot';

/** The resize `mode`: only `withStopServer` is documented. */
export const ModeSchema = v.optional(v.literal('withStopServer', "must be 'withStopServer' or absent"));
