import * as v from 'valibot';
import { NumberishSchema } from './numberish.js';

/** Flavor extra specs: every value is a string (ecs-api.md §4.5). */
const ExtraSpecsSchema = v.record(v.string(), v.string());

/** The fields every flavor listing shares. */
const flavorEntries = {
  id: v.string(),
  name: v.optional(v.string()),
  vcpus: v.optional(NumberishSchema),
  ram: v.optional(NumberishSchema),
  disk: v.optional(NumberishSchema),
  'OS-FLV-DISABLED:disabled': v.optional(v.boolean()),
};

/**
 * A target flavor from `GET /v1/{project_id}/cloudservers/resize_flavors` (ecs-api.md §2):
 * its specs are in `extra_specs`.
 */
export const ResizeFlavorSchema = v.looseObject({
  ...flavorEntries,
  extra_specs: v.optional(ExtraSpecsSchema),
});

/** A target flavor in the API's own JSON shape. */
export type ResizeFlavor = v.InferOutput<typeof ResizeFlavorSchema>;

/**
 * A flavor from `GET /v1/{project_id}/cloudservers/flavors` (ecs-api.md §4.5): its specs are
 * in `os_extra_specs`, not `extra_specs`.
 */
export const FlavorSchema = v.looseObject({
  ...flavorEntries,
  os_extra_specs: v.optional(ExtraSpecsSchema),
});

/** A flavor in the API's own JSON shape. */
export type Flavor = v.InferOutput<typeof FlavorSchema>;

/** The body of `GET .../resize_flavors`. */
export const ListResizeFlavorsResponseSchema = v.looseObject({ flavors: v.array(ResizeFlavorSchema) });

/** The body of `GET .../cloudservers/flavors`. */
export const ListFlavorsResponseSchema = v.looseObject({ flavors: v.array(FlavorSchema) });
