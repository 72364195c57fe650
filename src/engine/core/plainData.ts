/**
 * Protocol state, messages and checker state are plain data: objects, arrays, strings,
 * finite numbers, booleans and null. That keeps them cloneable for checkpoints, printable
 * by `inspect()`, and serializable across the worker boundary.
 */
export type PlainData = null | boolean | number | string | PlainData[] | { [key: string]: PlainData };

/** Marks an append-only array (see appendOnly). Not enumerable: JSON and structured clone ignore it. */
const APPEND_ONLY = Symbol('append-only');
/** Brands a captured prefix of an append-only array (see capturePlain). */
const PREFIX = Symbol('prefix of an append-only array');

/**
 * Marks `items` as append-only: its elements are immutable (frozen objects, primitives,
 * null), and the array only grows at its end. A position below the length, once written, is
 * never written again, so shrinking it or replacing an element means replacing the array
 * (`state.log = appendOnly(state.log.slice(0, keep))`). Invariant, kept by the caller.
 *
 * Two copies profit. clonePlain copies a marked array with one slice() instead of asking
 * each element whether it is frozen, which V8 answers slowly (about 25 ns each). And a
 * checkpoint (capturePlain) copies nothing at all: it keeps the array and its length,
 * because the first `length` positions stay as they are for as long as the array lives.
 */
export function appendOnly<T>(items: T[]): T[] {
  Object.defineProperty(items, APPEND_ONLY, { value: true });
  return items;
}

function isAppendOnly(items: unknown[]): boolean {
  return (items as unknown as Record<symbol, unknown>)[APPEND_ONLY] === true;
}

/** What capturePlain keeps of an append-only array: the array itself and how long it was. */
interface Prefix {
  readonly [PREFIX]: readonly unknown[];
  readonly length: number;
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

/**
 * A copy of plain data for a checkpoint: like clonePlain, but an append-only array is not
 * copied; the capture keeps the array and its current length, which stay valid because the
 * array only grows (see appendOnly). Costs nothing per log entry, so checkpoints of long
 * Raft logs are as cheap as those of short ones. Read it back only with restorePlain.
 */
export function capturePlain<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  copiedValues++;
  if (Array.isArray(value)) {
    if (isAppendOnly(value)) return Object.freeze({ [PREFIX]: value, length: value.length }) as unknown as T;
    copiedValues += value.length;
    return value.map((element) => capturePlain(element)) as T;
  }
  return copyFields(value, capturePlain);
}

/** A live, mutable copy of what capturePlain captured; the capture stays intact for the next restore. */
export function restorePlain<T>(captured: T): T {
  if (captured === null || typeof captured !== 'object') return captured;
  const prefix = (captured as unknown as Partial<Prefix>)[PREFIX];
  if (prefix !== undefined) return appendOnly(prefix.slice(0, (captured as unknown as Prefix).length)) as T;
  if (Object.isFrozen(captured)) return captured;
  copiedValues++;
  if (Array.isArray(captured)) {
    copiedValues += captured.length;
    return captured.map((element) => restorePlain(element)) as T;
  }
  return copyFields(captured, restorePlain);
}

function copyFields<T>(value: T, copyField: (field: unknown) => unknown): T {
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
 * How many values clonePlain, capturePlain and restorePlain have visited since the process started. Checkpoints read the
 * difference to space themselves by how much they copy. Deterministic: it depends only on
 * the data copied.
 */
let copiedValues = 0;

export function copiedValueCount(): number {
  return copiedValues;
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
