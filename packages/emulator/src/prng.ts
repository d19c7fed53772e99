/** A seeded pseudo-random stream: the same seed and stream name always give the same sequence. */
export interface Random {
  /** The next number in [0, 1). */
  next(): number;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
}

/**
 * Creates a deterministic stream (mulberry32) for `seed`. Each `stream` name gives an
 * independent sequence, so e.g. fault rolls never shift the job ids.
 */
export function createRandom(seed: number, stream: string): Random {
  let a = fnv1a(`${seed}/${stream}`);
  const nextUint32 = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    next: () => nextUint32() / 2 ** 32,
    hex(length) {
      let out = '';
      while (out.length < length) out += nextUint32().toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
  };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
