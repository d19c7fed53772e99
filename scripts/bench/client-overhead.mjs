// The cost of the client over a raw fetch: getServer through createEcsClient (validation,
// ky, auth hook, response schema) against fetch + JSON of the same URL with the same token.
// The emulator runs in its own process, as a real server would; the contenders take turns
// request by request, in a random order each turn, so that drift and other work on the machine
// hit all. Run alone (`node scripts/bench/client-overhead.mjs`) or from index.mjs; both print
// the same lines: each contender, its ratio to the raw fetch, its goal.
import { createEcsClient, signRequest } from '@ecs-resize/core';
import { DEFAULT_CREDENTIALS, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import ky from 'ky';
import { startEmulatorProcess } from './emulator-process-client.mjs';

/** Runs `call` `count` times one after another and returns the elapsed milliseconds. */
async function timeSerial(count, call) {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) await call();
  return performance.now() - started;
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
}

/** The names in a random order (Fisher-Yates). */
function shuffled(names) {
  const order = [...names];
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

/**
 * Runs the contenders interleaved request by request (each round, every contender makes one
 * request in turn, `perRound` times), so that a machine busy with other work slows all alike;
 * returns each one's mean milliseconds per request (elapsed, and this process's CPU time: the
 * client's side alone, as the emulator runs in its own process) and the median over the rounds
 * of its time divided by the first contender's. Each turn takes a new random order: in a fixed
 * one (even rotating its first) a contender nearly always follows the same one and pays for the
 * garbage that one leaves (the raw token fetch, after the AK/SK client, showed 20-40 µs more
 * CPU than the raw AK/SK fetch).
 */
async function compare(contenders, { rounds, perRound, warmup }) {
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const cpu = Object.fromEntries(names.map((name) => [name, 0]));
  for (const call of Object.values(contenders)) await timeSerial(warmup, call);
  for (let round = 0; round < rounds; round += 1) {
    const spent = Object.fromEntries(names.map((name) => [name, 0]));
    for (let turn = 0; turn < perRound; turn += 1) {
      for (const name of shuffled(names)) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        await contenders[name]();
        const cpuSpent = process.cpuUsage(cpuStarted);
        spent[name] += performance.now() - started;
        cpu[name] += (cpuSpent.user + cpuSpent.system) / 1000;
      }
    }
    for (const name of names) times[name].push(spent[name]);
  }
  const baseline = times[names[0]];
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        perRequest: times[name].reduce((sum, time) => sum + time, 0) / (rounds * perRound),
        cpuPerRequest: cpu[name] / (rounds * perRound),
        ratio: median(times[name].map((time, round) => time / baseline[round])),
      },
    ]),
  );
}

/** The goals of issue 10 §4, as a ratio to the raw token fetch of the same URL. */
export const CLIENT_OVERHEAD_GOALS = { 'client, token getServer': 1.15, 'client, AK/SK getServer': 1.5 };

/**
 * ky with the options the client's transport gives it (`packages/core/src/http/transport.ts`):
 * the auth `headers` set by a `beforeRequest` hook on every attempt, ky's timeout off and one
 * timer per attempt in a fetch wrapper instead, no redirects, the same retry options.
 */
function kyWithTheClientsOptions(headers) {
  const fetchWithTimer = async (input, init) => {
    const expiry = new AbortController();
    const timer = setTimeout(() => expiry.abort(), 30_000);
    try {
      return await fetch(input, { ...init, signal: expiry.signal });
    } finally {
      clearTimeout(timer);
    }
  };
  return ky
    .create({
      fetch: fetchWithTimer,
      timeout: false,
      redirect: 'manual',
      hooks: {
        beforeRequest: [
          (request) => {
            for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
          },
        ],
      },
    })
    .extend({
      retry: {
        limit: 2,
        jitter: true,
        backoffLimit: 10_000,
        maxRetryAfter: 30_000,
        afterStatusCodes: [429, 503],
        methods: ['get'],
        statusCodes: Array.from({ length: 200 }, (_, offset) => 400 + offset),
        retryOnTimeout: true,
        shouldRetry: () => undefined,
      },
    });
}

/**
 * Measures against a raw token fetch: a raw fetch with an AK/SK signature, ky alone, ky with the
 * client's options (with the token, and with the AK/SK signature replayed), and the client
 * (token and AK/SK).
 */
export async function measureClientOverhead({ rounds = 12, perRound = 150, warmup = 300 } = {}) {
  const emulator = await startEmulatorProcess();
  try {
    const options = { endpoint: emulator.url, projectId: emulator.projectId };
    const tokenClient = createEcsClient({ ...options, auth: { token: DEFAULT_TOKEN } });
    const akskClient = createEcsClient({ ...options, auth: DEFAULT_CREDENTIALS });
    const url = `${emulator.url}/v1/${emulator.projectId}/cloudservers/${SERVERS.kvmStopped}`;
    const headers = { 'X-Auth-Token': DEFAULT_TOKEN };
    const kyAlone = ky.create({ headers });
    // One AK/SK signature, sent again on every request (the emulator checks it each time, as a
    // gateway does): what AK/SK costs the server and the wire, without any signing here.
    const signed = await signRequest(new Request(url, { headers: { 'X-Project-Id': emulator.projectId } }), DEFAULT_CREDENTIALS);
    const signedHeaders = Object.fromEntries(signed.headers);
    const kyAsTheClient = kyWithTheClientsOptions(headers);
    const kyAsTheAkSkClient = kyWithTheClientsOptions(signedHeaders);
    const contenders = {
      'raw token fetch': async () => (await (await fetch(url, { headers })).json()).server,
      'raw AK/SK fetch (replayed)': async () => (await (await fetch(url, { headers: signedHeaders })).json()).server,
      // What the client stands on, alone: ky with its default 10 s timeout (an abort signal
      // on every fetch) and its retry bookkeeping.
      'ky alone': async () => (await kyAlone(url).json()).server,
      // ky as the client sets it up, without the client's own layers (input validation, the
      // route table, the bounded body read, the response schema): the floor under the client.
      "ky, the client's options": async () => JSON.parse(await (await kyAsTheClient(url)).text()).server,
      // The same with the replayed signature's headers: the floor under the AK/SK client, all
      // but the signing itself.
      "ky, client's options, AK/SK": async () => JSON.parse(await (await kyAsTheAkSkClient(url)).text()).server,
      'client, token getServer': () => tokenClient.getServer(SERVERS.kvmStopped),
      // Signs each request (node:crypto in Node).
      'client, AK/SK getServer': () => akskClient.getServer(SERVERS.kvmStopped),
    };
    return { requests: rounds * perRound, results: await compare(contenders, { rounds, perRound, warmup }) };
  } finally {
    emulator.stop();
  }
}

/** The lines to print for a {@link measureClientOverhead} result: µs per request, ratio, goal. */
export function formatClientOverhead({ requests, results }) {
  return [
    `getServer against the emulator (own process, loopback), ${requests} requests each, taking turns request by request:`,
    ...Object.entries(results).map(([name, { perRequest, cpuPerRequest, ratio }]) => {
      const goal = CLIENT_OVERHEAD_GOALS[name];
      const verdict = goal === undefined ? '' : `  (goal <= ${goal}x: ${ratio <= goal ? 'met' : 'NOT met'})`;
      const micros = (perRequest * 1000).toFixed(0).padStart(5);
      const cpuMicros = (cpuPerRequest * 1000).toFixed(0).padStart(4);
      return `  ${name.padEnd(28)} ${micros} µs/request (${cpuMicros} µs CPU here)  ${ratio.toFixed(2)}x raw token fetch (median of rounds)${verdict}`;
    }),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of formatClientOverhead(await measureClientOverhead())) console.log(line);
}
