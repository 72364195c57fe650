/**
 * The engine's only source of randomness: sfc32 (Chris Doty-Humphrey's Small Fast Counter),
 * seeded through splitmix32. Each subsystem takes its own derived stream (`derive('network')`,
 * `derive('node:n1')`), so drawing more numbers in one place never reshuffles another.
 *
 * Probabilities are integer ratios (`chance(numerator, denominator)`) so that no floating
 * point rounding can differ between platforms. The state is four uint32s and can be saved
 * and restored for checkpoints.
 */
export type PrngState = [number, number, number, number];

export class Prng {
  /**
   * a, b, c, d. Kept in a typed array: as object fields, 32-bit values beyond the small-integer
   * range are boxed, and every draw would allocate four numbers.
   */
  private readonly words = new Int32Array(4);

  constructor(
    private readonly seed: number,
    private readonly label = '',
  ) {
    let mix = (seed >>> 0) ^ hashString(label);
    const next = (): number => {
      mix = (mix + 0x9e3779b9) >>> 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let index = 0; index < 4; index++) this.words[index] = next();
    // Discard the first outputs: sfc32 mixes slowly from correlated seeds.
    for (let index = 0; index < 12; index++) this.nextUint32();
  }

  /**
   * A new stream named by `label`, seeded from the root seed and the path of labels only,
   * never from this stream's position: how much one stream was used cannot change another.
   */
  derive(label: string): Prng {
    return new Prng(this.seed, this.label + '/' + label);
  }

  nextUint32(): number {
    const words = this.words;
    const a = words[0] as number;
    const b = words[1] as number;
    const c = words[2] as number;
    const d = words[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    words[3] = d + 1;
    words[0] = b ^ (b >>> 9);
    words[1] = c + (c << 3);
    const rotated = (c << 21) | (c >>> 11);
    words[2] = rotated + t;
    return t >>> 0;
  }

  /** A uniform integer in [0, bound). Invariant: 0 < bound ≤ 2^32. Rejection sampling, no modulo bias. */
  below(bound: number): number {
    if (!(bound > 0 && bound <= 0x100000000 && Number.isInteger(bound))) {
      throw new RangeError(`Prng.below: bound must be an integer in (0, 2^32], got ${bound}`);
    }
    if (bound === 1) return 0;
    // Remainders by floor division rather than `%`: the operands exceed int32, and V8 turns a
    // double `%` into a call to fmod (about 20 ns, a tenth of a ping event). For integers below
    // 2^53 the quotient's floor is exact, so the results are the same numbers.
    const limit = 0x100000000 - remainder(0x100000000, bound);
    for (;;) {
      const value = this.nextUint32();
      if (value < limit) return remainder(value, bound);
    }
  }

  /** A uniform integer in [minimum, maximum], both inclusive. */
  between(minimum: number, maximum: number): number {
    if (maximum < minimum) throw new RangeError(`Prng.between: ${maximum} < ${minimum}`);
    return minimum + this.below(maximum - minimum + 1);
  }

  /** True with probability numerator/denominator. chance(0, d) is never true; chance(d, d) always. */
  chance(numerator: number, denominator: number): boolean {
    if (numerator <= 0) return false;
    if (numerator >= denominator) return true;
    return this.below(denominator) < numerator;
  }

  /** A uniformly chosen element. Invariant: the array is not empty. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Prng.pick: empty array');
    return items[this.below(items.length)] as T;
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let index = items.length - 1; index > 0; index--) {
      const other = this.below(index + 1);
      const held = items[index] as T;
      items[index] = items[other] as T;
      items[other] = held;
    }
    return items;
  }

  save(): PrngState {
    const words = this.words;
    return [words[0] as number, words[1] as number, words[2] as number, words[3] as number];
  }

  restore(state: PrngState): void {
    this.words.set(state);
  }
}

/** dividend mod divisor for non-negative integers below 2^53 (exact: see Prng.below). */
function remainder(dividend: number, divisor: number): number {
  return dividend - Math.floor(dividend / divisor) * divisor;
}

/** FNV-1a over UTF-16 code units; stable across platforms. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Parts per million, the integer form of a probability in [0, 1]. */
export function toPartsPerMillion(ratio: number): number {
  return Math.round(Math.min(1, Math.max(0, ratio)) * 1_000_000);
}
