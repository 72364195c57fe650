/**
 * Protocol state, messages and checker state are plain data: objects, arrays, strings,
 * finite numbers, booleans and null. That keeps them cloneable for checkpoints, printable
 * by `inspect()`, and serializable across the worker boundary.
 */
export type PlainData = null | boolean | number | string | PlainData[] | { [key: string]: PlainData };

/** Marks an append-only array (see appendOnly). Not enumerable: JSON and structured clone ignore it. */
const APPEND_ONLY = Symbol('append-only');

/**
 * Marks `items` as append-only: its elements are immutable (frozen objects, primitives,
 * null), and the array only grows at its end. A position below the length, once written, is
 * never written again, so shrinking it or replacing an element means replacing the array
 * (`state.log = appendOnly(state.log.slice(0, keep))`). Invariant, kept by the caller.
 *
 * Two copies profit. clonePlain copies a marked array with one slice() instead of asking
 * each element whether it is frozen, which V8 answers slowly (about 25 ns each). And a
 * checkpoint (capturePlain, capture.ts) copies nothing at all: it keeps the array and its
 * length, because the first `length` positions stay as they are for as long as the array lives.
 */
export function appendOnly<T>(items: T[]): T[] {
  Object.defineProperty(items, APPEND_ONLY, { value: true });
  return items;
}

export function isAppendOnly(items: unknown[]): boolean {
  return (items as unknown as Record<symbol, unknown>)[APPEND_ONLY] === true;
}

/**
 * A deep copy of plain data. Not for the hot loop: used by checkpoints and snapshots.
 * A frozen object or array is immutable, so the copy shares it instead of copying it: a
 * protocol freezes what never changes once made (Raft's log entries and snapshots), and
 * marks arrays of such values with appendOnly.
 */
export function clonePlain<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  copiedValues++;
  if (Array.isArray(value)) {
    // slice() copies the primitives and frozen elements at memcpy speed; only mutable
    // objects inside need a recursive copy.
    const copy = value.slice();
    copiedValues += copy.length;
    if (isAppendOnly(value)) return appendOnly(copy) as T;
    for (let index = 0; index < copy.length; index++) {
      const element: unknown = copy[index];
      if (element !== null && typeof element === 'object' && !Object.isFrozen(element)) copy[index] = clonePlain(element);
    }
    return copy as T;
  }
  return copyFields(value, clonePlain);
}

/** A copy of `value`'s own fields, each object-valued one through `copyField`; undefined fields are left out. */
export function copyFields<T>(value: T, copyField: (field: unknown) => unknown): T {
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    copiedValues++;
    copy[key] = field !== null && typeof field === 'object' ? copyField(field) : field;
  }
  return copy as T;
}

/**
 * How many values clonePlain and capturePlain have visited since the process started.
 * Checkpoints read the difference to space themselves by how much they copy. Deterministic:
 * it depends only on the data copied.
 */
let copiedValues = 0;

export function copiedValueCount(): number {
  return copiedValues;
}

/** Adds `count` to copiedValueCount (for capture.ts, which copies for checkpoints). */
export function countCopiedValues(count: number): void {
  copiedValues += count;
}

/**
 * A copy of plain data for display, bounded in size: an array longer than `arrayLimit`
 * keeps its first `arrayLimit` items followed by a note of how many were left out.
 */
export function boundedCopy(value: unknown, arrayLimit: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const kept = value.slice(0, arrayLimit).map((item) => boundedCopy(item, arrayLimit));
    if (value.length > arrayLimit) kept.push(`… ${value.length - arrayLimit} more`);
    return kept;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) copy[key] = boundedCopy(field, arrayLimit);
  }
  return copy;
}

/** A canonical JSON encoding: object keys sorted, so equal data always encodes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return '{' + keys.map((key) => JSON.stringify(key) + ':' + canonicalJson(record[key])).join(',') + '}';
}
