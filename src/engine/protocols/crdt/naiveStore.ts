/**
 * The comparison store: a plain last-writer-wins key-value store, the way many systems do it.
 * A write reads the local value, modifies it and stores the result with the writer's
 * wall-clock timestamp (here the node's skewable local clock); replicas gossip their entries
 * and keep, per key, the entry with the larger (timestamp, replica). It converges — but when a
 * clock runs behind, a write made later in real time carries a smaller timestamp and is
 * silently discarded, although the store acknowledged it. The lost-update checker counts
 * those writes; the CRDT replica next to it, fed the same operations, loses none.
 */
import type { PlainData } from '../../core/plainData';
import type { NodeContext } from '../../protocol';
import { peersOf, sendCounted } from './replica';
import type { CrdtMessage, NaiveEntry, NaiveStoreState } from './state';
import type { CrdtOperation } from './types/common';
import { sortKeys } from './types/common';

/** Writes kept in the state for the checker; one event issues at most one write. */
const RECENT_WRITES_KEPT = 4;

export function createNaiveStore(): NaiveStoreState {
  return { entries: {}, writes: 0, recentWrites: [], bytesSent: 0, messagesSent: 0 };
}

function wins(candidate: NaiveEntry, existing: NaiveEntry | undefined): boolean {
  if (existing === undefined) return true;
  if (candidate.timestamp !== existing.timestamp) return candidate.timestamp > existing.timestamp;
  return candidate.replica > existing.replica;
}

/** The read-modify-write a naive client performs for an operation: which key, which new value. */
export function naiveWriteFor(store: NaiveStoreState, operation: CrdtOperation): { key: string; value: PlainData } {
  const current = (key: string): PlainData => store.entries[key]?.value ?? null;
  switch (operation.op) {
    case 'increment':
    case 'decrement': {
      const step = operation.op === 'increment' ? operation.amount : -operation.amount;
      return { key: 'counter', value: (Number(current('counter')) || 0) + step };
    }
    case 'set':
      return { key: 'register', value: operation.value };
    case 'add':
    case 'remove':
      return { key: operation.element, value: operation.op === 'add' };
    case 'cart-add':
      return { key: operation.element, value: (Number(current(operation.element)) || 0) + operation.amount };
    case 'cart-remove':
      return { key: operation.element, value: 0 };
    case 'insert':
    case 'delete': {
      const text = String(current('text') ?? '');
      const at = Math.max(0, Math.min(operation.position, text.length));
      const next = operation.op === 'insert' ? text.slice(0, at) + operation.text + text.slice(at) : text.slice(0, at) + text.slice(at + Math.max(1, operation.amount));
      return { key: 'text', value: next };
    }
  }
}

/** Applies a local write and acknowledges it. Returns false when it does not even win locally. */
export function naiveWrite(store: NaiveStoreState, key: string, value: PlainData, timestamp: number, replica: string): boolean {
  const entry: NaiveEntry = { value, timestamp, replica };
  const won = wins(entry, store.entries[key]);
  if (won) store.entries = sortKeys({ ...store.entries, [key]: entry });
  store.writes++;
  store.recentWrites.push({ sequence: store.writes, key, value, timestamp, replica });
  if (store.recentWrites.length > RECENT_WRITES_KEPT) store.recentWrites.shift();
  return won;
}

export function naiveMerge(store: NaiveStoreState, entries: Record<string, NaiveEntry>): void {
  let merged: Record<string, NaiveEntry> | null = null;
  for (const key of Object.keys(entries)) {
    const incoming = entries[key] as NaiveEntry;
    if (!wins(incoming, (merged ?? store.entries)[key])) continue;
    merged = merged ?? { ...store.entries };
    merged[key] = incoming;
  }
  if (merged !== null) store.entries = sortKeys(merged);
}

export function naiveTick(store: NaiveStoreState, context: NodeContext<CrdtMessage>): void {
  const peers = peersOf(context);
  if (peers.length === 0) return;
  sendCounted(context, store, context.random.pick(peers), { type: 'NaiveGossip', mode: 'naive', entries: store.entries, sizeBytes: 0 });
}

/** What a user sees in the naive store. */
export function naiveValue(store: NaiveStoreState): Record<string, PlainData> {
  const value: Record<string, PlainData> = {};
  for (const key of Object.keys(store.entries)) value[key] = (store.entries[key] as NaiveEntry).value;
  return value;
}
