import { apigError, ecsError } from './errors.js';
import type { Random } from './prng.js';
import { emptyReply, JSON_CONTENT_TYPE, type Answer, type Reply } from './reply.js';
import { ROUTE_NAMES, type RouteName } from './route-names.js';

/** What a fault does to a request. */
export type FaultKind = 'latency' | 'rate-limit' | 'error' | 'reset' | 'malformed-json' | 'html' | 'empty';

/** When a fault acts. */
export type FaultPhase = 'before' | 'after';

/** A fault rule: which requests it hits and what it does to them. */
export interface Fault {
  /** The route it hits, or `'*'` for every routed request. */
  route: RouteName | '*';
  /** Only this HTTP method (any case); all methods when omitted. */
  method?: string;
  /**
   * - `latency`: delays the answer by `delayMs` (it combines with one other fault);
   * - `rate-limit`: 429 with the gateway's `APIG.0308` body and `Retry-After` when `retryAfter` is set;
   * - `error`: a JSON error body: `Common.0001` for 500, the gateway's for 429/502/503/504;
   * - `reset`: destroys the socket without an answer;
   * - `malformed-json`: 200 with truncated JSON;
   * - `html`: an nginx-style HTML error page;
   * - `empty`: the status with an empty body.
   */
  kind: FaultKind;
  /**
   * `before`: the request is not processed (latency: delay, then process); `after`: it is processed
   * (e.g. the resize job IS created), then the fault shapes the answer (latency: process, then delay).
   * @default 'before'
   */
  phase?: FaultPhase;
  /** `latency` only: the delay in milliseconds. @default 1000 */
  delayMs?: number;
  /** HTTP status for `error`, `html`, `empty`. @default 500 (error), 502 (html), 503 (empty) */
  status?: number;
  /** `rate-limit` only: the `Retry-After` value, in seconds or as an HTTP date; none when omitted. */
  retryAfter?: number | string;
  /** How many requests it hits before it is spent. @default unlimited */
  times?: number;
  /** The chance, 0 to 1, that it hits a matching request (drawn from the seeded stream). @default 1 */
  probability?: number;
}

/** The faults picked for one phase of one request. */
export interface FaultPick {
  /** Total latency to add, in milliseconds. */
  readonly delayMs: number;
  /** The fault that shapes the answer, if any. */
  readonly fault: ShapingFault | undefined;
  /** Kinds of every fault that hit, in order. */
  readonly kinds: readonly FaultKind[];
}

/** A fault that shapes the answer: any kind but `latency`. */
export type ShapingFault = Fault & { kind: Exclude<FaultKind, 'latency'> };

/** Picks the faults that hit a request, counting them against their `times`. */
export type FaultPicker = (route: RouteName, method: string, phase: FaultPhase) => FaultPick;

const FAULT_KINDS: readonly FaultKind[] = ['latency', 'rate-limit', 'error', 'reset', 'malformed-json', 'html', 'empty'];
const DEFAULT_DELAY_MS = 1000;
const DEFAULT_STATUS = { error: 500, html: 502, empty: 503 } as const;
const STATUS_TEXT: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** Throws a clear error when a fault rule is invalid. */
export function validateFault(fault: Fault, index: number): void {
  const fail = (problem: string): never => {
    throw new TypeError(`faults[${index}]: ${problem}`);
  };
  if (fault.route !== '*' && !ROUTE_NAMES.includes(fault.route)) fail(`unknown route ${JSON.stringify(fault.route)}`);
  if (!FAULT_KINDS.includes(fault.kind)) fail(`unknown kind ${JSON.stringify(fault.kind)}`);
  if (fault.phase !== undefined && fault.phase !== 'before' && fault.phase !== 'after') fail('phase must be "before" or "after"');
  if (fault.method !== undefined && (typeof fault.method !== 'string' || fault.method === ''))
    fail('method must be a non-empty string');
  if (fault.delayMs !== undefined && !(Number.isFinite(fault.delayMs) && fault.delayMs >= 0))
    fail('delayMs must be a number >= 0');
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599))
    fail('status must be an integer from 200 to 599');
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times >= 0)) fail('times must be an integer >= 0');
  if (fault.probability !== undefined && !(fault.probability >= 0 && fault.probability <= 1))
    fail('probability must be between 0 and 1');
  if (fault.retryAfter !== undefined && typeof fault.retryAfter !== 'number' && typeof fault.retryAfter !== 'string')
    fail('retryAfter must be a number or a string');
}

/**
 * A picker over the live `faults` array. Matching faults act in array order: every latency adds
 * up; the first other fault shapes the answer and the rest are not tried. A fault that does not
 * hit (probability) is not counted against `times`.
 */
export function createFaultPicker(faults: readonly Fault[], random: Random): FaultPicker {
  const hits = new WeakMap<Fault, number>();
  return (route, method, phase) => {
    let delayMs = 0;
    const kinds: FaultKind[] = [];
    for (const fault of faults) {
      const used = hits.get(fault) ?? 0;
      if (fault.route !== '*' && fault.route !== route) continue;
      if (fault.method !== undefined && fault.method.toUpperCase() !== method) continue;
      if ((fault.phase ?? 'before') !== phase || used >= (fault.times ?? Infinity)) continue;
      const probability = fault.probability ?? 1;
      if (probability < 1 && !(random.next() < probability)) continue;
      hits.set(fault, used + 1);
      kinds.push(fault.kind);
      if (isShaping(fault)) return { delayMs, fault, kinds };
      delayMs += fault.delayMs ?? DEFAULT_DELAY_MS;
    }
    return { delayMs, fault: undefined, kinds };
  };
}

/** The answer a fault gives; `processed` is the real answer when the request was processed. */
export function faultAnswer(fault: ShapingFault, requestId: string, processed: Reply | undefined): Answer {
  switch (fault.kind) {
    case 'reset':
      return { reset: true };
    case 'rate-limit': {
      const reply = errorBody(429, requestId);
      return fault.retryAfter === undefined
        ? reply
        : { ...reply, headers: { ...reply.headers, 'Retry-After': String(fault.retryAfter) } };
    }
    case 'error':
      return errorBody(fault.status ?? DEFAULT_STATUS.error, requestId);
    case 'malformed-json': {
      // No proper prefix of a JSON object is valid JSON.
      const json = processed?.body || JSON.stringify({ request_id: requestId });
      return {
        status: 200,
        headers: { 'Content-Type': JSON_CONTENT_TYPE },
        body: json.slice(0, Math.max(1, Math.floor(json.length / 2))),
      };
    }
    case 'html': {
      const status = fault.status ?? DEFAULT_STATUS.html;
      const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
      const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
      return { status, headers: { 'Content-Type': 'text/html' }, body };
    }
    case 'empty':
      return emptyReply(fault.status ?? DEFAULT_STATUS.empty);
  }
}

function isShaping(fault: Fault): fault is ShapingFault {
  return fault.kind !== 'latency';
}

/**
 * The JSON error body for a status: the gateway's for 429 (`APIG.0308`), 502/503 (`APIG.0202`
 * "Backend unavailable.") and 504 (`APIG.0203` "Backend timeout."), else ECS `Common.0001`.
 * UNCONFIRMED: the gateway codes follow the documented ROMA/APIC table; 503 has no documented code.
 */
function errorBody(status: number, requestId: string): Reply {
  switch (status) {
    case 429:
      return apigError(
        429,
        'APIG.0308',
        'The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second',
        requestId,
      );
    case 502:
    case 503:
      return apigError(status, 'APIG.0202', 'Backend unavailable.', requestId);
    case 504:
      return apigError(status, 'APIG.0203', 'Backend timeout.', requestId);
    default:
      return { ...ecsError('Common.0001'), status };
  }
}
