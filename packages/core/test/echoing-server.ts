/**
 * A hostile ECS API on 127.0.0.1 for the secrets attack suites: it answers every path the
 * client and the CLI use with well-formed data (a stopped KVM server that may become
 * s3.xlarge.2), except where the scenario registered for the request's server or job id puts
 * an echo — an error body, a header, a job field, a server or flavor name.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers the requests of one server or job id. */
export interface EchoScenario {
  /** Every request of the scenario is answered with this error instead. */
  readonly error?: { readonly status: number; readonly body: unknown; readonly headers?: Record<string, string> };
  /** Fields laid over the server. */
  readonly server?: Record<string, unknown>;
  /** Fields laid over the one flavor it may change to. */
  readonly resizeFlavor?: Record<string, unknown>;
  /** The resize answer's `job_id` (register the scenario under it too, to answer its polls). */
  readonly jobId?: string;
  /** The successive answers to `GET jobs/{id}`; the last one repeats. */
  readonly jobs?: readonly Record<string, unknown>[];
}

/** A running echoing server. */
export interface EchoingServer {
  /** Its base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The project id it serves. */
  readonly projectId: string;
  /** The scenarios, by server id or job id: set one before the request it shapes. */
  readonly scenarios: Map<string, EchoScenario>;
  /** How many times each job id was polled. */
  readonly polls: Map<string, number>;
  /** Stops it. */
  close(): Promise<void>;
}

/** The project id of the server. */
export const ECHO_PROJECT_ID = 'b1c2d3e4f5a60718293a4b5c6d7e8f90';

/** The server id of case `index`: a UUID. */
export const serverIdOf = (index: number) => `6f1b3c2a-0d4e-4b7a-9c11-${String(index).padStart(12, '0')}`;

/** The job id of case `index`: 32 hex digits. */
export const jobIdOf = (index: number) => `ff80808288d41e1b01899026${String(index).padStart(8, '0')}`;

/** The flavor every server has, and the one it may change to. */
export const [SOURCE_FLAVOR, TARGET_FLAVOR] = ['s3.large.2', 's3.xlarge.2'] as const;

/** A flavor in the API's shape. */
const flavor = (id: string, vcpus: number, specsKey: 'extra_specs' | 'os_extra_specs') => ({
  id,
  name: id,
  vcpus: String(vcpus),
  ram: vcpus * 2048,
  [specsKey]: {
    'ecs:virtualization_env_types': 'CloudCompute',
    'ecs:generation': 's3',
    'cond:operation:status': 'normal',
  },
});

/** A stopped KVM server with one disk. */
const serverOf = (id: string) => ({
  id,
  name: `web-${id}`,
  status: 'SHUTOFF',
  'OS-EXT-STS:vm_state': 'stopped',
  'OS-EXT-STS:task_state': null,
  'OS-EXT-AZ:availability_zone': 'eu-de-01',
  locked: false,
  flavor: { id: SOURCE_FLAVOR, name: SOURCE_FLAVOR, vcpus: '2', ram: '4096', disk: '0' },
  metadata: { charging_mode: '0', EcmResStatus: 'normal', os_type: 'Linux' },
  'os-extended-volumes:volumes_attached': [{ id: `vol-${id}`, bootIndex: '0', device: '/dev/vda' }],
});

/** The answer to one request: a status, a JSON body, headers. */
interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string> | undefined;
}

/** What the server answers to `method path?query`. */
function answer({ scenarios, polls }: Pick<EchoingServer, 'scenarios' | 'polls'>, method: string, url: URL): Answer {
  const parts = url.pathname.split('/').map((part) => decodeURIComponent(part));
  const [, , , collection, id, action] = parts;
  if (collection === 'jobs' && id !== undefined) {
    const scenario = scenarios.get(id);
    if (scenario?.error) return scenario.error;
    const count = (polls.get(id) ?? 0) + 1;
    polls.set(id, count);
    const jobs = scenario?.jobs ?? [{ status: 'SUCCESS' }];
    const job = jobs[Math.min(count, jobs.length) - 1];
    return { status: 200, body: { job_id: id, job_type: 'resizeServer', entities: { server_id: 'srv' }, ...job } };
  }
  if (collection === 'cloudvolumes') {
    const ids = [...(url.searchParams.get('ids') ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1]);
    const volumes = ids.map((volume) => ({ id: volume, name: 'sys', status: 'in-use', size: 40, metadata: {} }));
    return { status: 200, body: { count: volumes.length, volumes } };
  }
  if (id === 'flavors') {
    return {
      status: 200,
      body: { flavors: [flavor(SOURCE_FLAVOR, 2, 'os_extra_specs'), flavor(TARGET_FLAVOR, 4, 'os_extra_specs')] },
    };
  }
  if (id === 'resize_flavors') {
    const scenario = scenarios.get(url.searchParams.get('instance_uuid') ?? '');
    if (scenario?.error) return scenario.error;
    const flavors = url.searchParams.has('marker')
      ? []
      : [{ ...flavor(TARGET_FLAVOR, 4, 'extra_specs'), ...scenario?.resizeFlavor }];
    return { status: 200, body: { flavors } };
  }
  const scenario = scenarios.get(id ?? '');
  if (scenario?.error) return scenario.error;
  if (action === 'block_device') {
    const volumeAttachments = [
      { volumeId: `vol-${id}`, serverId: id, id: `vol-${id}`, size: 40, device: '/dev/vda', bootIndex: 0, bus: 'virtio' },
    ];
    return { status: 200, body: { volumeAttachments } };
  }
  if (action === 'os-interface') return { status: 200, body: { interfaceAttachments: [] } };
  if (action === 'resize' && method === 'POST') return { status: 200, body: { job_id: scenario?.jobId ?? jobIdOf(0) } };
  return { status: 200, body: { server: { ...serverOf(id ?? ''), ...scenario?.server } } };
}

/** Starts the server on 127.0.0.1 (a free port). */
export async function startEchoingServer(): Promise<EchoingServer> {
  const scenarios = new Map<string, EchoScenario>();
  const polls = new Map<string, number>();
  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on('end', () => {
      const { status, body, headers } = answer(
        { scenarios, polls },
        request.method ?? 'GET',
        new URL(request.url ?? '/', 'http://127.0.0.1'),
      );
      try {
        response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
        response.end(JSON.stringify(body));
      } catch {
        // A header Node cannot send (a control character): the connection ends without an answer.
        response.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    projectId: ECHO_PROJECT_ID,
    scenarios,
    polls,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
