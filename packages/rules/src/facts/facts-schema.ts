import * as v from 'valibot';

/** A non-empty string of bounded length. */
const Text = v.pipe(
  v.string('must be a string'),
  v.nonEmpty('must not be empty'),
  v.maxLength(256, 'must be at most 256 characters'),
);

/** A count that cannot be negative. */
const Count = v.pipe(v.number('must be a number'), v.minValue(0, 'must not be negative'));

/**
 * What is known of a flavor. Every field but `id` is optional: a missing one is unknown, and a
 * rule whose verdict depends on it says it could not verify.
 */
export const FlavorFactsSchema = v.looseObject({
  /** The flavor id, e.g. `s3.large.2`. */
  id: Text,
  /**
   * `false` when the region has no flavor of this id (no flavor listing has it): then
   * `target-allowed` says so, and the rules that need the flavor's details stay silent.
   * Absent when not looked up.
   */
  exists: v.optional(v.boolean('must be a boolean')),
  /** `ecs:generation`, e.g. `s1`, `h1`, `s3`. */
  generation: v.optional(Text),
  /** From `ecs:virtualization_env_types`: FusionCompute is Xen, CloudCompute is KVM. */
  virtualization: v.optional(v.picklist(['xen', 'kvm'], 'must be "xen" or "kvm"')),
  /** Number of vCPUs. */
  vcpus: v.optional(Count),
  /** Memory in MiB. */
  ramMiB: v.optional(Count),
  /**
   * Where the flavor is sold, for the server's availability zone (`cond:operation:az`, else
   * `cond:operation:status`; unset means normal): normal, abandon, sellout, obt, obt_sellout,
   * promotion.
   */
  saleStatus: v.optional(Text),
  /** From `ecs:instance_architecture`: `arm64` (Kunpeng) is Arm; x86 flavors mostly do not set it. */
  architecture: v.optional(v.picklist(['x86', 'arm'], 'must be "x86" or "arm"')),
  /** `ecs:performancetype` (older flavors: `hws:performancetype`), e.g. normal, gpu, saphana. */
  performanceType: v.optional(Text),
  /** Whether the flavor comes with local disks: a `quota:local_disk` or `quota:nvme_ssd` spec. */
  localDisks: v.optional(v.boolean('must be a boolean')),
  /** `quota:vif_max_num`: the most NICs a server of this flavor may have. */
  maxNics: v.optional(Count),
});

/** A disk attached to the server: VBD (the default) or SCSI (EVS `hw:passthrough` "true"). */
export const DiskFactsSchema = v.object({
  id: Text,
  type: v.picklist(['VBD', 'SCSI'], 'must be "VBD" or "SCSI"'),
  /** The EVS status, e.g. `in-use`, `extending`. */
  status: v.optional(Text),
});

/**
 * What the operator attests. The built-in keys are typed; a plugin's own keys pass validation
 * too (each value must be a boolean) and are read with `isConfirmed(facts, key)`. The type has
 * no index signature, so that an interface with the built-in keys still fits.
 */
export interface Confirmations {
  /** Xen → KVM: the KVM guest drivers are installed. */
  xenToKvmDrivers?: boolean | undefined;
  /** S1/C1/C2/M1 → H1: the driver H1 needs is installed. */
  h1Drivers?: boolean | undefined;
}

/**
 * Everything the resize rules look at: the server, the target flavor, and the operator's word.
 * Objects are loose: extra fields pass through to third-party rules that need more facts.
 */
export const ResizeFactsSchema = v.looseObject({
  server: v.looseObject({
    id: Text,
    /** `status`: SHUTOFF, ACTIVE, RESIZE, ... */
    status: Text,
    /** `OS-EXT-STS:vm_state`: stopped, active, ... */
    vmState: v.optional(Text),
    /** `OS-EXT-STS:task_state`: null when no task runs. */
    taskState: v.optional(v.nullable(v.string('must be a string or null'))),
    locked: v.optional(v.boolean('must be a boolean')),
    frozen: v.optional(v.boolean('must be a boolean')),
    chargingMode: v.optional(v.picklist(['postPaid', 'prePaid', 'spot'], 'must be "postPaid", "prePaid" or "spot"')),
    /** The NICs attached to the server (`os-interface` → `interfaceAttachments`). */
    nicCount: v.optional(Count),
    /**
     * The dedicated host the server runs on (`os:scheduler_hints.dedicated_host_id`); `null`
     * when it is known to run on none, absent when that is unknown.
     */
    dedicatedHostId: v.optional(v.nullable(Text)),
    flavor: FlavorFactsSchema,
    disks: v.array(DiskFactsSchema, 'must be an array of disks'),
  }),
  target: FlavorFactsSchema,
  /** The flavor ids `resize_flavors` lists for the server; absent when unknown. */
  allowedTargets: v.optional(v.array(Text, 'must be an array of flavor ids')),
  /** `withStopServer`: the cloud stops a running server, resizes it and starts it again. */
  mode: v.optional(v.literal('withStopServer', 'must be "withStopServer"')),
  /**
   * What the operator attests, because the API cannot tell: a boolean per key. The keys are
   * declared by the rules (`meta.confirmation.key`), plugins' own included.
   */
  confirmations: v.optional(
    v.pipe(
      v.objectWithRest(
        {
          /** Xen → KVM: the xen-pv and virtio drivers (Linux) or PV driver and UVP VMTools (Windows) are installed. */
          xenToKvmDrivers: v.optional(v.boolean('must be a boolean')),
          /** S1/C1/C2/M1 → H1: the driver H1 needs is installed. */
          h1Drivers: v.optional(v.boolean('must be a boolean')),
        },
        v.boolean('must be a boolean'),
        'must be an object of booleans',
      ),
      // The same object, typed without an index signature (see Confirmations).
      v.transform((confirmations): Confirmations => confirmations),
    ),
  ),
  /**
   * The request's v1.1 `extendparam.isAutoPay`: whether the order of a yearly/monthly server
   * is paid at once. Absent: a v1 (pay-per-use) request.
   */
  autoPay: v.optional(v.boolean('must be a boolean')),
  /** The request's `dedicated_host_id`: the dedicated host to resize on. */
  dedicatedHostId: v.optional(Text),
});

/** What is known of a flavor (see {@link FlavorFactsSchema}). */
export type FlavorFacts = v.InferOutput<typeof FlavorFactsSchema>;

/** A disk attached to the server. */
export type DiskFacts = v.InferOutput<typeof DiskFactsSchema>;

/** Everything the resize rules look at (see {@link ResizeFactsSchema}). */
export type ResizeFacts = v.InferOutput<typeof ResizeFactsSchema>;
