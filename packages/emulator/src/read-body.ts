import type { IncomingMessage } from 'node:http';

/**
 * The largest request body the emulator reads: the API gateway's limit for an AK/SK-signed
 * request (12 MB, ecs-api.md §6.2).
 */
export const MAX_REQUEST_BODY_BYTES = 12 * 1024 * 1024;

/**
 * Reads a request body, at most `maxBytes` of it. A larger `Content-Length` is refused before
 * anything is read, a longer stream (chunked) as soon as it passes the limit: the request is
 * then left paused, nothing more is read or kept, and `'too-large'` is returned.
 */
export function readBody(request: IncomingMessage, maxBytes = MAX_REQUEST_BODY_BYTES): Promise<Buffer | 'too-large'> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      settle();
      request.pause();
      resolve('too-large');
    };
    const onEnd = () => {
      settle();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
