import { connect } from 'node:net';

/** How long a raw exchange may take before it fails as a hang, in milliseconds. */
const HANG_MS = 5_000;

/** What a server answered to bytes sent as they are. */
export interface RawAnswer {
  /** The status of the first answer; null when the server closed the connection without one. */
  readonly status: number | null;
  /** Everything the server sent, as latin1 text. */
  readonly text: string;
}

/**
 * Sends `bytes` unchanged on a new TCP connection to 127.0.0.1:`port` and reads until the
 * server closes it (send `Connection: close`). With `halfClose`, the client then ends its side
 * (a client that goes away mid-request). Rejects when the server neither answers nor closes in
 * time.
 */
export function sendRaw(port: number, bytes: string | Buffer, halfClose = false): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(HANG_MS, () => {
      socket.destroy();
      reject(new Error(`no answer and no close within ${HANG_MS} ms`));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A reset after the answer (the server closing with unread input) still ends the exchange.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(text)?.[1];
      resolve({ status: status === undefined ? null : Number(status), text });
    });
    socket.write(bytes);
    if (halfClose) socket.end();
  });
}

/** A malformed or hostile request, as written on the wire. */
export interface MalformedRequest {
  /** What it is. */
  readonly name: string;
  /** The request line; in its target, `{base}` is replaced by the base path and `{p}` by the project id. */
  readonly line: string;
  /** Header lines besides `Host` and `Connection: close`. */
  readonly headers?: readonly string[];
  /** Bytes after the headers. */
  readonly body?: string;
  /** Whether the client ends its side after sending (its body cut short). */
  readonly halfClose?: boolean;
}

/** A malformed request and what it must get: a status, or null when the connection is closed unanswered. */
export interface MalformedCase extends MalformedRequest {
  /** The status of the answer, or null when none comes. */
  readonly status: number | null;
}

/**
 * The whole request as bytes: `Host` and `Connection: close` first, then `headers`, then `body`.
 * @param basePath Where the server mounts the API, e.g. a proxy's `/ecs-proxy`.
 */
export function rawRequest(request: MalformedRequest, projectId: string, basePath = ''): string {
  const headers = ['Host: 127.0.0.1', 'Connection: close', ...(request.headers ?? [])];
  const line = request.line.replace('{base}', basePath).replace('{p}', projectId);
  return `${line}\r\n${headers.map((header) => `${header}\r\n`).join('')}\r\n${request.body ?? ''}`;
}

/**
 * Requests that every server of ours must survive, with what each must answer: the targets
 * that once ended the emulator and `demo --serve` (`http://[`, `http://%zz/`, `http://a:b:c/`),
 * other targets URL parsing throws on, and what Node's own parser refuses (answered by Node).
 */
export const MALFORMED_REQUESTS = [
  { name: 'absolute-form with an unclosed IPv6 host', line: 'GET http://[ HTTP/1.1', status: 400 },
  { name: 'absolute-form with a bad escape in the host', line: 'GET http://%zz/ HTTP/1.1', status: 400 },
  { name: 'absolute-form with two ports', line: 'GET http://a:b:c/ HTTP/1.1', status: 400 },
  { name: 'absolute-form with a bad escape in the path', line: 'GET http://127.0.0.1/v1/%zz HTTP/1.1', status: 400 },
  { name: 'a target that is not a path', line: 'GET %zz HTTP/1.1', status: 400 },
  { name: 'asterisk-form on a GET', line: 'GET * HTTP/1.1', status: 400 },
  { name: 'a bad escape in the path', line: 'GET {base}/v1/{p}/jobs/%zz HTTP/1.1', status: 400 },
  { name: 'an escape that is not UTF-8', line: 'GET {base}/v1/{p}/cloudservers/%ff%fe HTTP/1.1', status: 400 },
  { name: 'a bad escape in the query', line: 'GET {base}/v1/{p}/cloudservers/detail?limit=%zz HTTP/1.1', status: 400 },
  { name: 'a NUL in the path', line: 'GET /v1/\0/jobs HTTP/1.1', status: 400 },
  { name: 'a space in the path', line: 'GET /v1/a b HTTP/1.1', status: 400 },
  { name: 'a path of 20,000 characters', line: `GET /${'a'.repeat(20_000)} HTTP/1.1`, status: 431 },
  { name: 'an unknown HTTP version', line: 'GET / HTTP/9.9', status: 400 },
  { name: 'a method Node does not know', line: 'BREW / HTTP/1.1', status: 400 },
  { name: 'a control character in a header value', line: 'GET / HTTP/1.1', headers: ['X-Auth-Token: a\x01b'], status: 400 },
  { name: 'a header line without a colon', line: 'GET / HTTP/1.1', headers: ['X-Auth-Token'], status: 400 },
  { name: 'a Content-Length that is not a number', line: 'POST / HTTP/1.1', headers: ['Content-Length: abc'], status: 400 },
  {
    name: 'Content-Length and Transfer-Encoding together',
    line: 'POST / HTTP/1.1',
    headers: ['Content-Length: 3', 'Transfer-Encoding: chunked'],
    body: '0\r\n\r\n',
    status: 400,
  },
  {
    name: 'a broken chunk',
    line: 'POST / HTTP/1.1',
    headers: ['Transfer-Encoding: chunked'],
    body: 'zz\r\nabc\r\n',
    status: 400,
  },
] as const satisfies readonly MalformedCase[];
