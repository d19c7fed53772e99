import { computeSignature, DEFAULT_CREDENTIALS, DEFAULT_TOKEN, type Emulator } from '../src/index.js';
import { advanceClock } from './test-clock.js';

export { advanceClock, eventually, useFrozenClock } from './test-clock.js';
export { useEmulator } from './use-emulator.js';

/** Any JSON answer. */
export type Json = any;

/** `fetch` of a path on the emulator with the default token; `{p}` in the path is the project id. */
export function call(emulator: Emulator, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('X-Auth-Token')) headers.set('X-Auth-Token', DEFAULT_TOKEN);
  return fetch(emulator.url + path.replace('{p}', emulator.projectId), { ...init, headers });
}

/** GET a path and parse the JSON answer. */
export async function getJson(emulator: Emulator, path: string): Promise<{ status: number; body: Json }> {
  const response = await call(emulator, path);
  return { status: response.status, body: await response.json() };
}

/** POST JSON (a string is sent as is) and parse the answer; an empty answer gives `body: undefined`. */
export async function postJson(
  emulator: Emulator,
  path: string,
  payload: unknown,
): Promise<{ status: number; body: Json; response: Response }> {
  const response = await call(emulator, path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), response };
}

/** POST a v1 (or v1.1) resize. */
export function resize(emulator: Emulator, serverId: string, payload: unknown, apiVersion: 'v1' | 'v1.1' = 'v1') {
  return postJson(emulator, `/${apiVersion}/{p}/cloudservers/${serverId}/resize`, payload);
}

/**
 * Polls a job until it ends, moving the frozen clock (`useFrozenClock`) a tenth of the job's
 * duration after each poll: INIT, then RUNNING, then the end, whatever the machine's speed.
 * Returns the distinct statuses seen, in order, and the final job.
 */
export async function waitForJob(emulator: Emulator, jobId: string): Promise<{ statuses: string[]; job: Json }> {
  const statuses: string[] = [];
  const step = (emulator.state.jobs.get(jobId)?.durationMs ?? 0) / 10;
  for (let polls = 0; polls <= 20; polls += 1) {
    const { body: job } = await getJson(emulator, `/v1/{p}/jobs/${jobId}`);
    if (statuses.at(-1) !== job.status) statuses.push(job.status);
    if (job.status === 'SUCCESS' || job.status === 'FAIL') return { statuses, job };
    advanceClock(step);
  }
  throw new Error(`Job ${jobId} did not end.`);
}

/** `X-Sdk-Date` for a date: `YYYYMMDDTHHMMSSZ`. */
export function sdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(/[-:]/g, '');
}

/** How `signedFetch` signs. */
export interface SignOptions {
  /** The body signed. */
  body?: string;
  /** The body sent, when it should differ from the one signed. */
  sentBody?: string;
  /** The signing date. */
  date?: Date;
  /** The AK/SK pair. */
  credentials?: { accessKey: string; secretKey: string };
  /** Lower-case names of the signed headers. */
  signedHeaders?: string[];
}

/** Fetch a path signed with AK/SK (by default signing content-type, host and x-sdk-date). */
export async function signedFetch(
  emulator: Emulator,
  method: 'GET' | 'POST',
  path: string,
  options: SignOptions = {},
): Promise<Response> {
  const {
    body = '',
    date = new Date(),
    credentials = DEFAULT_CREDENTIALS,
    signedHeaders = ['content-type', 'host', 'x-sdk-date'],
  } = options;
  const sentBody = options.sentBody ?? body;
  const url = path.replace('{p}', emulator.projectId);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Host: new URL(emulator.url).host,
    'X-Sdk-Date': sdkDate(date),
  };
  const signature = computeSignature({ method, url, headers, signedHeaders, body, secretKey: credentials.secretKey });
  const { Host: _host, ...sent } = headers;
  return fetch(emulator.url + url, {
    method,
    headers: {
      ...sent,
      Authorization: `SDK-HMAC-SHA256 Access=${credentials.accessKey}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`,
    },
    ...(method === 'POST' ? { body: sentBody } : {}),
  });
}
