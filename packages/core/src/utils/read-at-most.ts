/** What was read of a stream. */
export interface BytesRead {
  /** All the bytes, or the first `maxBytes` of them. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** False when the stream had more than `maxBytes`: the rest was neither read nor kept. */
  readonly complete: boolean;
}

/** The chunks joined into one array of `size` bytes. */
function joined(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a stream, keeping at most `maxBytes`: as soon as it passes that, the stream is
 * cancelled (for a fetch body, its connection is released) and the first `maxBytes` are
 * returned with `complete: false`. When `stop` aborts, the stream is cancelled too, and
 * `stop.reason` is thrown: a pending read ends at once, not when the next byte arrives.
 * Bytes are counted as the stream gives them (a fetch body: after decompression).
 * @internal
 */
export async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  stop?: AbortSignal,
): Promise<BytesRead> {
  if (stream === null) return { bytes: new Uint8Array(0), complete: true };
  const reader = stream.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  stop?.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      if (stop?.aborted) {
        cancel();
        throw stop.reason;
      }
      const chunk = await reader.read();
      if (stop?.aborted) throw stop.reason;
      if (chunk.done) return { bytes: joined(chunks, size), complete: true };
      const room = maxBytes - size;
      if (chunk.value.byteLength > room) {
        cancel();
        chunks.push(chunk.value.subarray(0, room));
        return { bytes: joined(chunks, maxBytes), complete: false };
      }
      chunks.push(chunk.value);
      size += chunk.value.byteLength;
    }
  } finally {
    stop?.removeEventListener('abort', cancel);
  }
}
