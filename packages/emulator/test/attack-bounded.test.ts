/**
 * Issue 9, class 2, the emulator's side: it reads at most 12 MB of a request body (the API
 * gateway's limit for AK/SK requests) and refuses more with 413, without buffering it, and it
 * stays up for the next request. Real HTTP on 127.0.0.1; the large bodies are streamed only as
 * fast as the emulator reads them, and stop when it answers.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN, SERVERS } from '../src/index.js';
import { MAX_REQUEST_BODY_BYTES } from '../src/read-body.js';
import { getJson, useEmulator } from './helpers.js';

const MiB = 1024 * 1024;

/** How a streamed request ended: the status answered (none when the connection was cut), and the bytes written. */
interface Outcome {
  status: number | undefined;
  code: string | undefined;
  written: number;
}

/**
 * POSTs a resize whose body is `chunk` repeated up to `total` bytes, written only as fast as the
 * emulator reads, and stops writing as soon as an answer (or an error) arrives.
 */
function postStreamed(
  url: string,
  path: string,
  chunk: Buffer,
  total: number,
  headers: Record<string, string>,
): Promise<Outcome> {
  return new Promise((resolve) => {
    let written = 0;
    let answered = false;
    const request = httpRequest(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': DEFAULT_TOKEN, ...headers },
    });
    const pump = () => {
      while (!answered && written < total) {
        const part = chunk.subarray(0, Math.min(chunk.byteLength, total - written));
        written += part.byteLength;
        if (!request.write(part)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    request.on('response', (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        const code = text === '' ? undefined : (JSON.parse(text) as { error_code?: string; error?: { code?: string } });
        resolve({ status: response.statusCode, code: code?.error_code ?? code?.error?.code, written });
        request.destroy();
      });
    });
    request.on('error', () => resolve({ status: undefined, code: undefined, written }));
    pump();
  });
}

describe('request bodies are read up to 12 MB, and the rest refused', () => {
  const emulator = useEmulator();
  const path = () => `/v1/${emulator().projectId}/cloudservers/${SERVERS.kvmStopped}/resize`;
  const SPACES = Buffer.alloc(64 * 1024, 0x20);

  const CASES: {
    name: string;
    total: number;
    headers: Record<string, string>;
    status: number;
    code: string;
    sentAll: boolean;
  }[] = [
    {
      name: 'a Content-Length of 600 MB, refused before anything is read',
      total: 600 * MiB,
      headers: { 'Content-Length': String(600 * MiB) },
      status: 413,
      code: 'APIG.0201',
      sentAll: false,
    },
    {
      name: 'a chunked body of 600 MB, refused once 12 MB are read',
      total: 600 * MiB,
      headers: { 'Transfer-Encoding': 'chunked' },
      status: 413,
      code: 'APIG.0201',
      sentAll: false,
    },
    {
      name: 'a Content-Length of 12 MB + 1, refused',
      total: MAX_REQUEST_BODY_BYTES + 1,
      headers: { 'Content-Length': String(MAX_REQUEST_BODY_BYTES + 1) },
      status: 413,
      code: 'APIG.0201',
      sentAll: false,
    },
    {
      name: 'a chunked body of exactly 12 MB of spaces, read (and found blank)',
      total: MAX_REQUEST_BODY_BYTES,
      headers: { 'Transfer-Encoding': 'chunked' },
      status: 400,
      code: 'Common.0002',
      sentAll: true,
    },
  ];

  it.each(CASES)('$name → $status $code', async ({ total, headers, status, code, sentAll }) => {
    const outcome = await postStreamed(emulator().url, path(), SPACES, total, headers);
    const logged = emulator().state.requests.at(-1);
    expect(logged?.status).toBe(status);
    // The emulator closes the connection on a 413; the client may see the answer or the reset.
    if (outcome.status !== undefined) expect({ status: outcome.status, code: outcome.code }).toEqual({ status, code });
    expect(outcome.written >= total).toBe(sentAll);
    // And it still answers the next request.
    expect((await getJson(emulator(), `/v1/{p}/cloudservers/${SERVERS.kvmStopped}`)).status).toBe(200);
  });
});
