import * as v from 'valibot';

/**
 * What the operator attests, as validated: a boolean per camelCase key (the rules'
 * `meta.confirmation.key`, e.g. `xenToKvmDrivers`; plugins declare their own).
 * @internal
 */
export const ConfirmationsSchema = v.record(
  v.pipe(
    v.string(),
    v.regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'must be a camelCase confirmation key such as xenToKvmDrivers or h1Drivers'),
  ),
  v.boolean('must be a boolean'),
  'must be an object of booleans, e.g. { xenToKvmDrivers: true }',
);
