/**
 * Pure readers over a CRDT replica's snapshot (the engine's CrdtReplicaState, received as
 * plain data): which state to show, how the sync modes' copies compare, and short texts for
 * values and version vectors. Only types come from the engine; nothing here runs protocol
 * code on the main thread.
 */
import type { NodeSnapshotView } from '../../../worker/api';
import type { CrdtReplicaState, NaiveStoreState, ReplicaCopy, SyncMode } from '../../../engine/protocols/crdt/state';
import type { VersionVector } from '../../../engine/protocols/crdt/versionVector';
import type { CartLine } from '../../../engine/protocols/crdt/types/orMap';

export type { CrdtReplicaState, ReplicaCopy, SyncMode, VersionVector, CartLine, NaiveStoreState };

function isReplicaState(value: unknown): value is CrdtReplicaState {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<CrdtReplicaState>;
  return typeof candidate.type === 'string' && typeof candidate.replicaId === 'string' && Array.isArray(candidate.copies) && candidate.copies.length > 0;
}

/** The replica to draw: the live state, or while crashed what it persisted (the whole replica, see module.ts). */
export function replicaOf(node: Pick<NodeSnapshotView, 'state' | 'persistent' | 'status'>): CrdtReplicaState | null {
  const source = node.status === 'crashed' ? node.persistent : node.state;
  return isReplicaState(source) ? source : null;
}

/** JSON with object keys sorted, so equal values always read equally. */
export function canonicalText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalText(record[key])}`)
    .join(',')}}`;
}

export function valuesEqual(left: unknown, right: unknown): boolean {
  return canonicalText(left) === canonicalText(right);
}

/** A value as one short line: counters as numbers, sets as {a, b}, carts as item×qty. */
export function shortValue(value: unknown): string {
  if (value === null) return '∅';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `{${value.map((item) => String(item)).join(', ')}}`;
  if (typeof value === 'object') {
    const lines = Object.entries(value as Record<string, Partial<CartLine>>);
    return lines.length === 0 ? 'empty' : lines.map(([item, line]) => `${item}×${line.quantity ?? '?'}`).join(' ');
  }
  return String(value);
}

export interface ModeAgreement {
  mode: SyncMode;
  value: unknown;
  /** Equal to the first copy's value (the one the card shows large). */
  agrees: boolean;
}

/** Each sync mode's copy against the first: for the side-by-side row of syncMode 'all'. */
export function modeAgreement(state: CrdtReplicaState): ModeAgreement[] {
  const first = state.copies[0] as ReplicaCopy;
  return state.copies.map((copy) => ({ mode: copy.mode, value: copy.value, agrees: valuesEqual(copy.value, first.value) }));
}

/** Replica ids in the order "n1, n2, …, n10" (numeric suffixes compared as numbers). */
export function compareReplicaIds(left: string, right: string): number {
  const a = /^(.*?)(\d+)$/.exec(left);
  const b = /^(.*?)(\d+)$/.exec(right);
  if (a !== null && b !== null && a[1] === b[1]) return Number(a[2]) - Number(b[2]);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** "n1:3 n2:0 n3:1" over `replicas` (missing entries are 0), or over the vector's own keys. */
export function formatVector(vector: VersionVector, replicas?: readonly string[]): string {
  const ids = replicas ?? Object.keys(vector).sort(compareReplicaIds);
  if (ids.length === 0) return '∅';
  return ids.map((id) => `${id}:${vector[id] ?? 0}`).join(' ');
}

/** Price in cents as "1.35". */
export function formatCents(cents: number | null): string {
  return cents === null ? '—' : (cents / 100).toFixed(2);
}

/** Cart lines in item order. */
export function cartLines(value: unknown): Array<{ item: string; quantity: number; price: number | null }> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, CartLine>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([item, line]) => ({ item, quantity: line.quantity, price: line.price }));
}

/** The naive store as a user would read it: key → value. */
export function naiveValue(store: NaiveStoreState): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(store.entries).sort()) value[key] = store.entries[key]?.value ?? null;
  return value;
}

export function naiveText(store: NaiveStoreState): string {
  const entries = Object.entries(naiveValue(store));
  if (entries.length === 0) return 'empty';
  return entries.map(([key, value]) => `${key}=${typeof value === 'string' ? JSON.stringify(value) : String(value)}`).join(' ');
}

/** All replica ids a state mentions (its version vectors and its own id), sorted. */
export function knownReplicas(state: CrdtReplicaState, others: readonly string[] = []): string[] {
  const ids = new Set<string>([state.replicaId, ...others]);
  for (const copy of state.copies) for (const id of Object.keys(copy.versionVector)) ids.add(id);
  return [...ids].sort(compareReplicaIds);
}
