/**
 * OR-Set, the observed-remove set with add-wins semantics (Shapiro et al. 2011,
 * Specification 15). Every add creates a unique tag (the dot of the update, "n1:3"); a remove
 * deletes the tags its origin has observed for the element and keeps them as tombstones, so a
 * merge never resurrects them. An add concurrent with a remove carries a tag the remove did
 * not observe, so the element stays: add wins.
 *
 * Tombstones grow with every remove. Once a remove is causally stable (delivered at every
 * replica), no replica holds its tags any more and none can still receive them, so the
 * tombstone is garbage (Baquero et al. 2014, causal stability). The replica's stability
 * frontier covers collected tags from then on (`discardCollected`).
 *
 * Invariants: a tag is never both live and tombstoned; tag lists are sorted and non-empty.
 */
import { compareDotKeys, coversDotKey, dotKey, type VersionVector } from '../versionVector';
import { estimateBytes, unionSorted, type CrdtType } from './common';

export type Tombstone = {
  element: string;
  /** The dot of the remove that made this tombstone (the smallest, if several did). */
  removedBy: string;
};

export type OrSetPayload = {
  /** Live tags per element. */
  entries: Record<string, string[]>;
  /** Removed tags. */
  tombstones: Record<string, Tombstone>;
};

export type OrSetEffect =
  | { kind: 'add'; element: string; tag: string }
  | { kind: 'remove'; element: string; tags: string[]; removedBy: string };

/**
 * The join: union of tombstones (the earliest remove per tag), union of live tags minus
 * tombstones. Copies only what changes, because delta intervals and full states are merged on
 * every message; key order carries no meaning (values and checkers sort).
 */
export function orSetMerge(left: OrSetPayload, right: OrSetPayload): OrSetPayload {
  let tombstones = left.tombstones;
  let newTombstones = false;
  for (const tag in right.tombstones) {
    const incoming = right.tombstones[tag] as Tombstone;
    const existing = tombstones[tag];
    if (existing !== undefined && (existing.removedBy === incoming.removedBy || compareDotKeys(incoming.removedBy, existing.removedBy) >= 0)) continue;
    if (!newTombstones) tombstones = { ...left.tombstones };
    newTombstones = true;
    tombstones[tag] = incoming;
  }
  let entries = left.entries;
  let entriesCopied = false;
  const setEntry = (element: string, tags: string[]): void => {
    if (!entriesCopied) entries = { ...left.entries };
    entriesCopied = true;
    if (tags.length > 0) entries[element] = tags;
    else delete entries[element];
  };
  if (newTombstones) {
    for (const element in left.entries) {
      const tags = left.entries[element] as string[];
      if (tags.some((tag) => tombstones[tag] !== undefined)) setEntry(element, tags.filter((tag) => tombstones[tag] === undefined));
    }
  }
  for (const element in right.entries) {
    const mine = entries[element] ?? [];
    const added = (right.entries[element] as string[]).filter((tag) => tombstones[tag] === undefined && !mine.includes(tag));
    if (added.length > 0) setEntry(element, unionSorted(mine, added));
  }
  return newTombstones || entriesCopied ? { entries, tombstones } : left;
}

export function orSetDelta(effect: OrSetEffect): OrSetPayload {
  if (effect.kind === 'add') return { entries: { [effect.element]: [effect.tag] }, tombstones: {} };
  const tombstones: Record<string, Tombstone> = {};
  for (const tag of effect.tags) tombstones[tag] = { element: effect.element, removedBy: effect.removedBy };
  return { entries: {}, tombstones };
}

export function orSetPrepare(payload: OrSetPayload, kind: 'add' | 'remove', element: string, replica: string, counter: number): OrSetEffect | null {
  if (kind === 'add') return { kind, element, tag: dotKey(replica, counter) };
  const observed = payload.entries[element];
  // Removing an element this replica does not see changes nothing: no update, no dot.
  if (observed === undefined) return null;
  return { kind, element, tags: observed, removedBy: dotKey(replica, counter) };
}

export function orSetCollectGarbage(payload: OrSetPayload, stable: VersionVector): OrSetPayload {
  const tombstones: Record<string, Tombstone> = {};
  let collected = 0;
  for (const tag of Object.keys(payload.tombstones)) {
    const tombstone = payload.tombstones[tag] as Tombstone;
    if (coversDotKey(stable, tombstone.removedBy)) collected++;
    else tombstones[tag] = tombstone;
  }
  return collected === 0 ? payload : { entries: payload.entries, tombstones };
}

export function orSetDiscardCollected(incoming: OrSetPayload, local: OrSetPayload, stable: VersionVector): OrSetPayload {
  const entries: Record<string, string[]> = {};
  for (const element of Object.keys(incoming.entries)) {
    const localTags = local.entries[element] ?? [];
    // A stable tag this replica does not hold was added here and later removed: keep it out.
    const tags = (incoming.entries[element] as string[]).filter((tag) => !coversDotKey(stable, tag) || localTags.includes(tag));
    if (tags.length > 0) entries[element] = tags;
  }
  const tombstones: Record<string, Tombstone> = {};
  for (const tag of Object.keys(incoming.tombstones)) {
    const tombstone = incoming.tombstones[tag] as Tombstone;
    if (!coversDotKey(stable, tombstone.removedBy) || local.tombstones[tag] !== undefined) tombstones[tag] = tombstone;
  }
  return { entries, tombstones };
}

export function orSetDifference(incoming: OrSetPayload, local: OrSetPayload): OrSetPayload {
  const tombstones: Record<string, Tombstone> = {};
  for (const tag in incoming.tombstones) {
    const tombstone = incoming.tombstones[tag] as Tombstone;
    const mine = local.tombstones[tag];
    if (mine === undefined || compareDotKeys(tombstone.removedBy, mine.removedBy) < 0) tombstones[tag] = tombstone;
  }
  const entries: Record<string, string[]> = {};
  for (const element in incoming.entries) {
    const mine = local.entries[element] ?? [];
    const tags = (incoming.entries[element] as string[]).filter((tag) => local.tombstones[tag] === undefined && !mine.includes(tag));
    if (tags.length > 0) entries[element] = tags;
  }
  return { entries, tombstones };
}

export function orSetValue(payload: OrSetPayload): string[] {
  return Object.keys(payload.entries).sort();
}

export const orSet: CrdtType<OrSetPayload, OrSetEffect> = {
  name: 'or-set',
  title: 'OR-Set (add-wins)',
  operations: ['add', 'remove'],
  initial: () => ({ entries: {}, tombstones: {} }),
  prepare(payload, operation, origin) {
    if (operation.op !== 'add' && operation.op !== 'remove') return null;
    if (operation.element === '') return null;
    return orSetPrepare(payload, operation.op, operation.element, origin.replica, origin.counter);
  },
  effect: (payload, effect) => orSetMerge(payload, orSetDelta(effect)),
  delta: (_payload, effect) => orSetDelta(effect),
  merge: orSetMerge,
  difference: orSetDifference,
  value: orSetValue,
  sizeBytes: estimateBytes,
  effectSizeBytes: estimateBytes,
  tombstoneCount: (payload) => Object.keys(payload.tombstones).length,
  collectGarbage: orSetCollectGarbage,
  discardCollected: orSetDiscardCollected,
};
