/**
 * An incremental 64-bit fingerprint built from two 32-bit lanes (murmur3-style mixing of
 * 32-bit words). Callers fold each record into a few words first (see Trace.appendInterned),
 * because the mix is what the hot loop pays for per word. Not cryptographic: it fingerprints
 * runs, it does not defend against forgery.
 */
export class RunningHash {
  /**
   * The high and low lanes. A typed array rather than two fields: 32-bit values beyond the
   * small-integer range would be boxed in fields, one allocation per word hashed.
   */
  private readonly lanes = Int32Array.of(0x6a09e667, 0xbb67ae85 | 0);

  /** Adds one 32-bit word (any number; only its low 32 bits count). */
  addWord(word: number): void {
    const lanes = this.lanes;
    let k = Math.imul(word, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let high = (lanes[0] as number) ^ k;
    high = (high << 13) | (high >>> 19);
    high = (Math.imul(high, 5) + 0xe6546b64) | 0;
    lanes[0] = high;
    let low = (lanes[1] as number) ^ Math.imul(word ^ 0x5bd1e995, 0x27d4eb2d);
    low = (low << 17) | (low >>> 15);
    lanes[1] = Math.imul(low, 9) + high;
  }

  hex(): string {
    const [high, low] = this.save();
    return hex32(finalize(high ^ low)) + hex32(finalize(low + 0x9e3779b9));
  }

  save(): [number, number] {
    return [this.lanes[0] as number, this.lanes[1] as number];
  }

  restore(state: [number, number]): void {
    this.lanes.set(state);
  }
}

/** The high 32 bits of a non-negative integer up to 2^53 (times in microseconds). */
export function highWord(value: number): number {
  return value < 0x100000000 ? 0 : Math.floor(value / 0x100000000) | 0;
}

function finalize(value: number): number {
  let hash = value | 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
