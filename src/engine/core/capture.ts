/**
 * Captures of plain data for checkpoints, and restoring them.
 *
 * capturePlain copies what can change and keeps the rest by reference: a frozen value, and
 * an append-only array as the array plus its length (see appendOnly in plainData.ts).
 *
 * restorePlain rebuilds live objects through JSON.parse. Why not copy field by field: V8
 * gives an object built by `{}` plus assignments another hidden class than one built by an
 * object literal, and protocols build their state with literals. Code optimized for the
 * literal's class was thrown away when the first seek handed it copies (Raft replays ran at
 * 0.1–0.3 M events/s instead of 1 M), and ran polymorphic ever after. JSON.parse builds
 * objects the way a literal with the same keys in the same order does, so restored state is
 * indistinguishable from the state the protocol made, to the program and to the optimizer.
 *
 * What JSON cannot carry, the values kept by reference, travels beside the text: each one
 * serializes as a marker `{ "\u0000shared": n }`, and after parsing the markers are replaced,
 * in document order, by the n-th shared value. Plain data could hold an object that looks like
 * a marker; then the markers found do not line up with the values written, and the restore
 * falls back to a field-by-field copy, which is slower but exact.
 *
 * Plain data's numbers are finite, so JSON carries them exactly, except that -0 comes back
 * as 0, which no protocol tells apart (they compare with ===, and the trace prints both as 0).
 */
import { appendOnly, copyFields, countCopiedValues, isAppendOnly } from './plainData';

const SHARED = Symbol('kept by reference in a capture');
const MARKER_KEY = '\u0000shared';

/** What a capture keeps by reference: a frozen value (`length` -1), or an append-only array's first `length` items. */
interface Shared {
  readonly [SHARED]: unknown;
  readonly length: number;
  toJSON(this: Shared): Marker;
}

interface Marker {
  [MARKER_KEY]: number;
}

/** The shared values JSON.stringify met while serializing a capture, in document order. */
let serialized: Shared[] = [];

function writeMarker(this: Shared): Marker {
  serialized.push(this);
  return { [MARKER_KEY]: serialized.length - 1 };
}

function share(value: unknown, length: number): Shared {
  return Object.freeze({ [SHARED]: value, length, toJSON: writeMarker });
}

function sharedOf(value: object): Shared | null {
  return SHARED in value ? (value as Shared) : null;
}

/** The live value a shared one stands for: the frozen value itself, or a fresh append-only copy of the prefix. */
function unshare(shared: Shared): unknown {
  const value = shared[SHARED];
  return shared.length < 0 ? value : appendOnly((value as unknown[]).slice(0, shared.length));
}

/**
 * A copy of plain data for a checkpoint: like clonePlain, but an append-only array is not
 * copied; the capture keeps the array and its current length, which stay valid because the
 * array only grows (see appendOnly). Costs nothing per log entry, so checkpoints of long
 * Raft logs are as cheap as those of short ones. Read it back only with restorePlain.
 */
export function capturePlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Object.isFrozen(value)) return share(value, -1) as T;
  countCopiedValues(1);
  if (Array.isArray(value)) {
    if (isAppendOnly(value)) return share(value, value.length) as T;
    countCopiedValues(value.length);
    return value.map((element) => capturePlain(element)) as T;
  }
  return copyFields(value, capturePlain);
}

/** A live, mutable copy of what capturePlain captured; the capture stays intact for the next restore. */
export function restorePlain<T>(captured: T): T {
  if (captured === null || typeof captured !== 'object') return captured;
  const shared = sharedOf(captured);
  if (shared !== null) return unshare(shared) as T;
  serialized = [];
  const text = JSON.stringify(captured);
  const written = serialized;
  serialized = [];
  const parsed = JSON.parse(text) as T;
  if (written.length === 0) return parsed;
  const cursor = { written, next: 0, lined: true };
  replaceMarkers(parsed as object, cursor);
  return cursor.lined && cursor.next === written.length ? parsed : copyRestore(captured);
}

interface MarkerCursor {
  readonly written: readonly Shared[];
  /** The index the next marker must carry. */
  next: number;
  /** False once a marker came out of order: some plain data looked like one. */
  lined: boolean;
}

/** Replaces, in document order, the markers inside `container` by the shared values they stand for. */
function replaceMarkers(container: object, cursor: MarkerCursor): void {
  if (Array.isArray(container)) {
    for (let index = 0; index < container.length && cursor.lined; index++) {
      const replacement = replacementFor(container[index], cursor);
      if (replacement !== undefined) container[index] = replacement;
    }
    return;
  }
  const record = container as Record<string, unknown>;
  for (const key in record) {
    const replacement = replacementFor(record[key], cursor);
    // Written only where a marker was: a second store to every field would cost V8's
    // optimized code its assumptions about fields written once.
    if (replacement !== undefined) record[key] = replacement;
    if (!cursor.lined) return;
  }
}

/** The shared value a marker stands for (undefined for anything else, whose markers are replaced in place). */
function replacementFor(field: unknown, cursor: MarkerCursor): unknown {
  if (field === null || typeof field !== 'object') return undefined;
  const index = (field as Partial<Marker>)[MARKER_KEY];
  if (index === undefined) {
    replaceMarkers(field, cursor);
    return undefined;
  }
  // A marker has that one key only; data with the key and more (whose fields may hold markers) is not one.
  if (index !== cursor.next || index >= cursor.written.length || !hasOneKey(field)) {
    cursor.lined = false;
    return undefined;
  }
  cursor.next++;
  return unshare(cursor.written[index] as Shared);
}

function hasOneKey(value: object): boolean {
  let count = 0;
  for (const _key in value) if (++count > 1) return false;
  return count === 1;
}

/** The field-by-field restore, for the rare capture whose data looks like a marker. */
function copyRestore<T>(captured: T): T {
  if (captured === null || typeof captured !== 'object') return captured;
  const shared = sharedOf(captured);
  if (shared !== null) return unshare(shared) as T;
  if (Array.isArray(captured)) return captured.map((element) => copyRestore(element)) as T;
  return copyFields(captured, copyRestore);
}
