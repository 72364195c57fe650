/**
 * The set of linearized operations, as a bitset whose cache key stays short.
 *
 * In a Wing–Gong search the linearized set has a shape: nearly every operation invoked
 * long ago is in it, nearly every operation invoked later is not, and the difference sits
 * in a narrow frontier of concurrent operations. So the key skips the leading words that
 * are all ones and the trailing words that are all zeros, and a cache entry costs a few
 * words instead of one bit per operation of the key.
 *
 * Invariant: `set` is called only for a clear bit and `clear` only for a set bit (the
 * search lifts and unlifts each operation in stack order), so per-word counts stay exact.
 */
const BITS_PER_WORD = 32;
const FULL_WORD = 0xffffffff;

export class FrontierBitset {
  private readonly words: Uint32Array;
  /** Set bits per word. */
  private readonly counts: Uint8Array;
  /** Words [0, fullWords) are all ones. */
  private fullWords = 0;
  /** The highest word with a set bit, or -1. */
  private topWord = -1;

  constructor(size: number) {
    const wordCount = Math.ceil(size / BITS_PER_WORD);
    this.words = new Uint32Array(wordCount);
    this.counts = new Uint8Array(wordCount);
  }

  set(bit: number): void {
    const word = bit >>> 5;
    this.words[word] = ((this.words[word] as number) | (1 << (bit & 31))) >>> 0;
    this.counts[word] = (this.counts[word] as number) + 1;
    if (word > this.topWord) this.topWord = word;
    while (this.fullWords < this.words.length && this.words[this.fullWords] === FULL_WORD) this.fullWords++;
  }

  clear(bit: number): void {
    const word = bit >>> 5;
    this.words[word] = ((this.words[word] as number) & ~(1 << (bit & 31))) >>> 0;
    this.counts[word] = (this.counts[word] as number) - 1;
    if (word < this.fullWords) this.fullWords = word;
    while (this.topWord >= 0 && this.counts[this.topWord] === 0) this.topWord--;
  }

  /** A string equal for two bitsets exactly when they hold the same bits. */
  key(): string {
    let key = this.fullWords.toString(36) + ':';
    for (let word = this.fullWords; word <= this.topWord; word++) key += (this.words[word] as number).toString(36) + ',';
    return key;
  }
}
