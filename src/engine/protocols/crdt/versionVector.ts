/**
 * Version vectors (Parker et al. 1983; Shapiro et al. 2011 §2.3): for each replica, how many
 * of its updates have been delivered here. Updates are numbered per origin from 1, so a dot
 * (replica, counter) is covered by a vector V exactly when counter ≤ V[replica].
 *
 * Invariant: a replica's own version vector is contiguous — it covers updates 1..V[r] of
 * every origin r and no others. Every sync mode preserves this: state and delta merges carry
 * whole causal prefixes (Almeida et al. 2018, §6 causal delta-merging), and the op-based mode
 * delivers in causal order.
 */
export type VersionVector = Record<string, number>;

/** A dot names one update: the `counter`-th update issued by `replica`. Written "n1:3". */
export interface Dot {
  replica: string;
  counter: number;
}

export function dotKey(replica: string, counter: number): string {
  return `${replica}:${counter}`;
}

export function parseDot(key: string): Dot {
  const separator = key.lastIndexOf(':');
  return { replica: key.slice(0, separator), counter: Number(key.slice(separator + 1)) };
}

/** Orders dots by replica id, then counter: an arbitrary but deterministic total order. */
export function compareDotKeys(left: string, right: string): number {
  const a = parseDot(left);
  const b = parseDot(right);
  if (a.replica !== b.replica) return a.replica < b.replica ? -1 : 1;
  return a.counter - b.counter;
}

export function covers(vector: VersionVector, replica: string, counter: number): boolean {
  return counter <= (vector[replica] ?? 0);
}

export function coversDotKey(vector: VersionVector, key: string): boolean {
  const dot = parseDot(key);
  return covers(vector, dot.replica, dot.counter);
}

/** The pointwise maximum: the join of the version-vector lattice. */
export function mergeVectors(left: VersionVector, right: VersionVector): VersionVector {
  const merged: VersionVector = { ...left };
  for (const replica of Object.keys(right)) {
    const count = right[replica] as number;
    if (count > (merged[replica] ?? 0)) merged[replica] = count;
  }
  return sortVector(merged);
}

/** True when every update `left` covers is covered by `right`. */
export function vectorLessOrEqual(left: VersionVector, right: VersionVector): boolean {
  for (const replica of Object.keys(left)) {
    if ((left[replica] as number) > (right[replica] ?? 0)) return false;
  }
  return true;
}

export function vectorsEqual(left: VersionVector, right: VersionVector): boolean {
  return vectorLessOrEqual(left, right) && vectorLessOrEqual(right, left);
}

/** The pointwise minimum over `replicas` (absent entries count as 0). */
export function minimumVector(vectors: readonly VersionVector[], replicas: readonly string[]): VersionVector {
  const minimum: VersionVector = {};
  for (const replica of replicas) {
    let lowest = Infinity;
    for (const vector of vectors) lowest = Math.min(lowest, vector[replica] ?? 0);
    if (lowest > 0 && lowest !== Infinity) minimum[replica] = lowest;
  }
  return minimum;
}

export function totalUpdates(vector: VersionVector): number {
  let total = 0;
  for (const replica of Object.keys(vector)) total += vector[replica] as number;
  return total;
}

/** Keys in sorted order so equal vectors print and hash equally. */
export function sortVector(vector: VersionVector): VersionVector {
  const sorted: VersionVector = {};
  for (const replica of Object.keys(vector).sort()) sorted[replica] = vector[replica] as number;
  return sorted;
}

export function describeVector(vector: VersionVector): string {
  const parts = Object.keys(vector)
    .sort()
    .map((replica) => `${replica}:${vector[replica]}`);
  return `[${parts.join(' ')}]`;
}
