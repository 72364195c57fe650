/**
 * An incremental 64-bit fingerprint built from two 32-bit lanes (murmur3-style mixing).
 * It takes integers and strings without building any intermediate encoding, so the trace
 * can be hashed in the hot loop. Not cryptographic: it fingerprints runs, it does not
 * defend against forgery.
 */
export class RunningHash {
  private high = 0x6a09e667;
  private low = 0xbb67ae85;

  addInteger(value: number): void {
    // Split into two 32-bit halves so values above 2^32 (times in microseconds) count whole.
    const lowBits = value >>> 0;
    const highBits = Math.floor(value / 0x100000000) >>> 0;
    this.mix(lowBits);
    this.mix(highBits);
  }

  addString(text: string): void {
    this.mix(text.length);
    for (let index = 0; index < text.length; index++) this.mix(text.charCodeAt(index));
  }

  /** Adds a precomputed 32-bit hash (for interned strings such as message types). */
  addHash(hash: number): void {
    this.mix(hash);
  }

  hex(): string {
    return hex32(finalize(this.high ^ this.low)) + hex32(finalize(this.low + 0x9e3779b9));
  }

  save(): [number, number] {
    return [this.high, this.low];
  }

  restore(state: [number, number]): void {
    [this.high, this.low] = state;
  }

  private mix(word: number): void {
    let k = Math.imul(word, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let high = this.high ^ k;
    high = (high << 13) | (high >>> 19);
    this.high = (Math.imul(high, 5) + 0xe6546b64) | 0;
    let low = this.low ^ Math.imul(word ^ 0x5bd1e995, 0x27d4eb2d);
    low = (low << 17) | (low >>> 15);
    this.low = (Math.imul(low, 9) + this.high) | 0;
  }
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
