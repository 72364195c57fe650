/**
 * Protocol state, messages and checker state are plain data: objects, arrays, strings,
 * finite numbers, booleans and null. That keeps them cloneable for checkpoints, printable
 * by `inspect()`, and serializable across the worker boundary.
 */
export type PlainData = null | boolean | number | string | PlainData[] | { [key: string]: PlainData };

/**
 * A deep copy of plain data. Not for the hot loop: used by checkpoints and snapshots.
 * A frozen object or array is immutable, so the copy shares it instead of copying it: a
 * protocol freezes what never changes once made (Raft's log entries and snapshots) to keep
 * checkpoints of long logs cheap.
 */
export function clonePlain<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    for (let index = 0; index < value.length; index++) copy[index] = clonePlain(value[index]);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) copy[key] = clonePlain(field);
  }
  return copy as T;
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
