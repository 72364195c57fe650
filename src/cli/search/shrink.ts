/**
 * Delta debugging (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing
 * Input", 2002): shrink a failing list of actions to a smaller one that still fails. Try
 * the empty list, then drop chunks (halves, quarters, ... single actions) while the failure
 * persists. The result is 1-minimal when the test budget allows: removing any one action
 * makes the failure go away.
 */

export interface ShrinkResult<T> {
  items: T[];
  /** How many candidate lists were tested. */
  tests: number;
  /** False when the budget ran out before the result was 1-minimal. */
  minimal: boolean;
}

export function shrinkList<T>(items: readonly T[], stillFails: (candidate: T[]) => boolean, maximumTests = 500): ShrinkResult<T> {
  let current = [...items];
  let tests = 0;
  const test = (candidate: T[]): boolean => {
    tests++;
    return stillFails(candidate);
  };
  if (current.length > 0 && test([])) return { items: [], tests, minimal: true };
  let granularity = 2;
  while (current.length >= 2) {
    if (tests >= maximumTests) return { items: current, tests, minimal: false };
    const chunks = split(current, granularity);
    const reduced = tryComplements(chunks, test, maximumTests - tests);
    if (reduced !== null) {
      current = reduced;
      granularity = Math.max(granularity - 1, 2);
      continue;
    }
    if (tests >= maximumTests) return { items: current, tests, minimal: false };
    if (granularity >= current.length) break;
    granularity = Math.min(granularity * 2, current.length);
  }
  return { items: current, tests, minimal: true };
}

/** The first "everything but chunk i" that still fails, or null. */
function tryComplements<T>(chunks: T[][], test: (candidate: T[]) => boolean, budget: number): T[] | null {
  for (let index = 0; index < chunks.length && index < budget; index++) {
    const complement = chunks.flatMap((chunk, other) => (other === index ? [] : chunk));
    if (test(complement)) return complement;
  }
  return null;
}

/** Splits into `parts` chunks of nearly equal size, in order. */
function split<T>(items: T[], parts: number): T[][] {
  const chunks: T[][] = [];
  let start = 0;
  for (let part = 0; part < parts; part++) {
    const end = start + Math.floor((items.length - start) / (parts - part));
    chunks.push(items.slice(start, end));
    start = end;
  }
  return chunks.filter((chunk) => chunk.length > 0);
}
