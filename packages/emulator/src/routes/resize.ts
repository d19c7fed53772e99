import { ecsError, type EcsErrorCode } from '../errors.js';
import { maxNicsOf, saleStatusOf } from '../flavor-specs.js';
import { startResizeJob } from '../jobs.js';
import type { EmulatorServer } from '../model.js';
import { emptyReply, jsonReply } from '../reply.js';
import { pathParam, type RouteHandler } from '../route.js';
import { RUNNING, STOPPED, isAt, powerStatusOf } from '../server-states.js';
import type { World } from '../state.js';
import { parseResizeBody, type ResizeRequest } from './resize-body.js';

/**
 * `POST /v1/{project_id}/cloudservers/{server_id}/resize` (`v1`) and its `/v1.1/` twin. Checks
 * the body, answers a valid dry run with 202 and no body, then checks the server and the target
 * in the order below. Accepted: 200 `{"job_id"}` (plus `order_id` for a yearly/monthly server on
 * v1.1), the server goes to RESIZE and the job decides the outcome when it ends (see
 * `lateResizeFailure`). A server on a dedicated host without `dedicated_host_id` is refused
 * with `Ecs.0803`, more NICs than the target's `quota:vif_max_num` with `Ecs.0807`.
 */
export function resize(apiVersion: 'v1' | 'v1.1'): RouteHandler {
  return (context) => {
    const request = parseResizeBody(context.body, apiVersion);
    if (typeof request === 'string') return ecsError(request);
    if (request.dryRun) return emptyReply(202);
    const { world } = context;
    const server = world.servers.get(pathParam(context, 'serverId'));
    if (server === undefined) return ecsError('Ecs.0114');
    const refusal = refuse(world, server, request, apiVersion);
    if (refusal !== undefined) return ecsError(refusal);

    const jobId = context.random.hex(32);
    const restart = isAt(server, RUNNING);
    startResizeJob(
      world,
      { jobId, now: context.now, durationMs: context.jobDurationMs },
      {
        serverId: server.id,
        flavorRef: request.flavorRef,
        restart,
        previous: powerStatusOf(server),
      },
    );
    // UNCONFIRMED (ecs-api.md §1.2): whether a yearly/monthly resize answers job_id next to order_id.
    const orderId =
      apiVersion === 'v1.1' && server.metadata['charging_mode'] === '1'
        ? orderIdAt(context.now, context.random.hex(5))
        : undefined;
    world.resizeJobs.push({
      jobId,
      serverId: server.id,
      flavorRef: request.flavorRef,
      ...(request.mode === undefined ? {} : { mode: request.mode }),
      ...(orderId === undefined ? {} : { orderId }),
      ...(request.dedicatedHostId === undefined ? {} : { dedicatedHostId: request.dedicatedHostId }),
      dryRun: false,
      apiVersion,
    });
    return jsonReply(200, orderId === undefined ? { job_id: jobId } : { order_id: orderId, job_id: jobId });
  };
}

/** The first reason the API refuses this resize at once, in the cloud's order, or undefined. */
function refuse(
  world: World,
  server: EmulatorServer,
  request: ResizeRequest,
  apiVersion: 'v1' | 'v1.1',
): EcsErrorCode | undefined {
  if (server.locked) return 'Ecs.0605';
  if (server.metadata['EcmResStatus'] === 'freeze') return 'Ecs.0030';
  if (request.flavorRef === server.flavorId) return 'Ecs.0009';
  const target = world.flavors.get(request.flavorRef);
  const sale = target === undefined ? undefined : saleStatusOf(target, server.availabilityZone);
  if (target === undefined || sale === 'abandon') return 'Ecs.0029';
  // Stopped, or running when the API may stop it; any transitional or error state is refused.
  if (!isAt(server, STOPPED) && !(request.mode === 'withStopServer' && isAt(server, RUNNING))) return 'Ecs.0100';
  const chargingMode = server.metadata['charging_mode'];
  // UNCONFIRMED: no code is documented for spot servers, nor for yearly/monthly ones on v1.
  if (chargingMode === '2' || (chargingMode === '1' && apiVersion === 'v1')) return 'Ecs.0005';
  // A server on a dedicated host must name one (any: the emulator models no host capacity).
  if (server.dedicatedHostId !== null && request.dedicatedHostId === undefined) return 'Ecs.0803';
  // UNCONFIRMED: the code for a target outside the resize_flavors list.
  if (!(world.flavors.get(server.flavorId)?.resizeTo.includes(target.id) ?? false)) return 'Ecs.0005';
  if (server.nics.length > (maxNicsOf(target) ?? Infinity)) return 'Ecs.0807';
  if (sale === 'sellout' || sale === 'obt_sellout') return 'Ecs.0319';
  const extending = server.attachments.some(({ volumeId }) => world.volumes.get(volumeId)?.status === 'extending');
  if (extending) return 'Ecs.0100';
  return undefined;
}

/** A yearly/monthly order id in the cloud's format, e.g. `CS2009141523OQSEQ`. */
function orderIdAt(now: number, hex: string): string {
  const stamp = new Date(now).toISOString().replace(/\D/g, '').slice(2, 12);
  const letters = [...hex].map((digit) => String.fromCharCode(65 + (parseInt(digit, 16) % 26))).join('');
  return `CS${stamp}${letters}`;
}
