import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { authenticate } from './auth/authenticate.js';
import { createCors } from './cors.js';
import { apigError, apiNotFound, bodyTooLarge, ecsError, malformedRequest, ReplyError } from './errors.js';
import { createFaultPicker, faultAnswer, type FaultPhase } from './faults.js';
import { advanceJobs } from './jobs.js';
import { resolveOptions, type Emulator, type EmulatorOptions } from './options.js';
import { createRandom } from './prng.js';
import { readBody } from './read-body.js';
import type { Answer, Reply } from './reply.js';
import { readTarget, type RequestTarget } from './request-target.js';
import { matchRoute, type Route } from './router.js';
import { createStateView, createWorld, logRequest, type RequestLogEntry } from './state.js';
import { forgetVolumeAttachments } from './volume-attachments.js';

/**
 * Starts the emulator on 127.0.0.1. Each request goes: CORS preflight → route (404 / 405) →
 * `before` faults → authentication (401) → project id check → handler → `after` faults. Jobs
 * advance lazily (on requests and on `state` reads): no timer outlives `close()`.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = resolveOptions(options);
  const world = createWorld(config.data, config.projectId);
  const faults = [...config.faults];
  const pickFaults = createFaultPicker(faults, createRandom(config.seed, 'faults'));
  const requestIds = createRandom(config.seed, 'requests');
  const ids = createRandom(config.seed, 'ids');
  const cors = createCors(config.corsOrigins);
  const closing = new AbortController();
  let baseUrl = '';

  /** Authenticates, checks the project id and runs the handler. */
  const processRequest = (
    route: Route,
    params: Readonly<Record<string, string>>,
    request: IncomingMessage,
    target: RequestTarget,
    body: Buffer,
    entry: RequestLogEntry,
  ): Reply => {
    const now = Date.now();
    if (config.auth !== false) {
      const url = request.url ?? '/';
      const reason = authenticate({ method: entry.method, url, headers: request.headers, body }, config.auth, now);
      if (reason !== undefined)
        return apigError(401, 'APIG.0301', `Incorrect IAM authentication information: ${reason}`, entry.requestId);
    }
    const projectId = params['projectId'];
    const headerProjectId = request.headers['x-project-id'];
    if (projectId !== world.projectId || (headerProjectId !== undefined && headerProjectId !== projectId))
      return ecsError('Ecs.0023');
    advanceJobs(world, now);
    const query = new URLSearchParams(target.query);
    try {
      return route.handle({ world, params, query, body, baseUrl, now, random: ids, jobDurationMs: config.jobDurationMs });
    } catch (error) {
      if (error instanceof ReplyError) return error.reply;
      throw error;
    }
  };

  /** Decides the answer to one request. */
  const respond = async (
    request: IncomingMessage,
    target: RequestTarget,
    body: Buffer,
    entry: RequestLogEntry,
  ): Promise<Answer> => {
    const preflight = cors.preflight(entry.method, request.headers);
    if (preflight !== undefined) return preflight;
    const match = matchRoute(entry.method, entry.path);
    if (match.kind === 'not-found') return apiNotFound(404, entry.requestId);
    // UNCONFIRMED: the gateway documents 404 `APIG.0101` for a wrong method; the emulator answers 405.
    if (match.kind === 'wrong-method') return apiNotFound(405, entry.requestId, { Allow: match.allow.join(', ') });
    const { route, params } = match;
    entry.route = route.name;
    const injectFaults = async (phase: FaultPhase, processed?: Reply): Promise<Answer | undefined> => {
      const pick = pickFaults(route.name, entry.method, phase);
      entry.faults.push(...pick.kinds);
      if (pick.delayMs > 0) await delay(pick.delayMs, undefined, { signal: closing.signal });
      return pick.fault === undefined ? undefined : faultAnswer(pick.fault, entry.requestId, processed);
    };
    const early = await injectFaults('before');
    if (early !== undefined) return early;
    const processed = processRequest(route, params, request, target, body, entry);
    return (await injectFaults('after', processed)) ?? processed;
  };

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const target = readTarget(request.url ?? '');
    const entry: RequestLogEntry = {
      method: (request.method ?? 'GET').toUpperCase(),
      path: target?.path ?? request.url ?? '',
      route: null,
      status: null,
      faults: [],
      requestId: requestIds.hex(32),
    };
    logRequest(world.requests, entry, config.maxLoggedRequests);
    let answer: Answer;
    try {
      const body = await readBody(request);
      if (target === undefined) answer = malformedRequest(entry.requestId);
      else if (body === 'too-large') answer = bodyTooLarge(entry.requestId);
      else answer = await respond(request, target, body, entry);
    } catch (error) {
      // Closing, or the client went away mid-request: there is no one to answer.
      if (closing.signal.aborted || request.socket.destroyed) {
        request.socket.destroy();
        return;
      }
      console.error('@ecs-resize/emulator: unexpected error', error);
      answer = ecsError('Common.0001');
    }
    if ('reset' in answer) {
      request.socket.destroy();
      return;
    }
    entry.status = answer.status;
    response.statusCode = answer.status;
    const headers = { 'X-Request-Id': entry.requestId, ...cors.headersFor(request.headers), ...answer.headers };
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.end(answer.body);
  };

  // Nothing a request does may end the process: what escapes `serve` (a failed write) ends
  // that one connection.
  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      console.error('@ecs-resize/emulator: unexpected error', error);
      response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closed: Promise<void> | undefined;
  return {
    url: baseUrl,
    projectId: world.projectId,
    state: createStateView(world, () => {
      advanceJobs(world, Date.now());
      forgetVolumeAttachments(world);
    }),
    faults,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
