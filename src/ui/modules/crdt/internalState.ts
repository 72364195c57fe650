/**
 * A replica copy's internal state as labelled sections for the card's toggle and the
 * inspector: per-replica counts for counters, unique tags and tombstones for the OR-Set and
 * the cart's keys, write timestamps for registers, characters and tombstones for RGA. Pure:
 * the payload shapes are the engine's (protocols/crdt/types), read as plain data.
 */
import type { CrdtTypeName } from '../../../engine/protocols/crdt/types/common';
import type { GCounterPayload } from '../../../engine/protocols/crdt/types/gCounter';
import type { LwwRegisterPayload } from '../../../engine/protocols/crdt/types/lwwRegister';
import type { MvRegisterPayload } from '../../../engine/protocols/crdt/types/mvRegister';
import type { OrMapPayload } from '../../../engine/protocols/crdt/types/orMap';
import type { OrSetPayload } from '../../../engine/protocols/crdt/types/orSet';
import type { PNCounterPayload } from '../../../engine/protocols/crdt/types/pnCounter';
import { documentNodes } from './textDocument';
import { compareReplicaIds, formatCents, formatVector } from './replicaModel';

export interface InternalItem {
  label: string;
  detail: string;
}

export interface InternalSection {
  /** Stable key for tests and React ("counts", "tags", "tombstones", ...). */
  key: string;
  title: string;
  items: InternalItem[];
  /** Shown when the list is empty. */
  empty: string;
}

export interface TombstoneEntry {
  tag: string;
  /** What was removed: the element or item, or the character. */
  subject: string;
  removedBy: string;
}

const byReplica = (record: Record<string, number>): string[] => Object.keys(record).sort(compareReplicaIds);

function countsSection(increments: Record<string, number>, decrements: Record<string, number> | null): InternalSection {
  const replicas = [...new Set([...byReplica(increments), ...byReplica(decrements ?? {})])].sort(compareReplicaIds);
  const items = replicas.map((replica) => ({
    label: replica,
    detail: decrements === null ? String(increments[replica] ?? 0) : `+${increments[replica] ?? 0} −${decrements[replica] ?? 0}`,
  }));
  return { key: 'counts', title: 'Per-replica counts', items, empty: 'no increments yet' };
}

function tagsSection(entries: Record<string, string[]>, title = 'Tags'): InternalSection {
  const items = Object.keys(entries)
    .sort()
    .map((element) => ({ label: element, detail: (entries[element] ?? []).join(' ') }));
  return { key: 'tags', title, items, empty: 'no live tags' };
}

/** Tombstones of a payload, oldest tag first; empty for types without removal. */
export function tombstonesOf(type: CrdtTypeName, payload: unknown): TombstoneEntry[] {
  if (payload === null || typeof payload !== 'object') return [];
  if (type === 'or-set' || type === 'or-map') {
    const keys = type === 'or-set' ? (payload as OrSetPayload) : (payload as OrMapPayload).keys;
    return Object.keys(keys?.tombstones ?? {})
      .sort()
      .map((tag) => ({ tag, subject: keys.tombstones[tag]?.element ?? '?', removedBy: keys.tombstones[tag]?.removedBy ?? '?' }));
  }
  if (type === 'rga') {
    return documentNodes(payload)
      .filter((node) => node.removedBy !== null)
      .map((node) => ({ tag: node.id, subject: JSON.stringify(node.character), removedBy: node.removedBy as string }));
  }
  return [];
}

function tombstoneSection(type: CrdtTypeName, payload: unknown): InternalSection {
  const tombstones = tombstonesOf(type, payload);
  return {
    key: 'tombstones',
    title: `Tombstones (${tombstones.length})`,
    items: tombstones.map((tombstone) => ({ label: tombstone.tag, detail: `${tombstone.subject}, removed by ${tombstone.removedBy}` })),
    empty: 'none',
  };
}

function cartItems(payload: OrMapPayload): InternalSection {
  const items = [...new Set([...Object.keys(payload.keys.entries), ...Object.keys(payload.quantities)])].sort().map((item) => {
    const quantity = payload.quantities[item];
    const removed = payload.removed[item];
    const price = payload.prices[item];
    const parts = [
      `tags ${(payload.keys.entries[item] ?? []).join(' ') || '—'}`,
      quantity === undefined ? 'qty —' : `qty ${formatVector(quantity.increments)}${Object.keys(quantity.decrements).length > 0 ? ` −${formatVector(quantity.decrements)}` : ''}`,
      removed === undefined ? null : `removed ${formatVector(removed.increments)}`,
      price === undefined ? null : `price ${formatCents(typeof price.value === 'number' ? price.value : null)} by ${price.replica} @${price.timestamp / 1000} ms`,
    ];
    return { label: item, detail: parts.filter((part) => part !== null).join('; ') };
  });
  return { key: 'items', title: 'Items (key tags, quantity counters, price)', items, empty: 'empty cart' };
}

function registerSection(payload: LwwRegisterPayload): InternalSection {
  const written = payload.replica !== '';
  return {
    key: 'write',
    title: 'Winning write (timestamp, replica)',
    items: written ? [{ label: String(payload.value), detail: `@${payload.timestamp / 1000} ms on ${payload.replica}'s clock` }] : [],
    empty: 'never written',
  };
}

function siblingsSection(payload: MvRegisterPayload): InternalSection {
  return {
    key: 'siblings',
    title: 'Values with their version vectors',
    items: payload.entries.map((entry) => ({ label: entry.value, detail: formatVector(entry.versionVector) })),
    empty: 'never written',
  };
}

function textSection(payload: unknown): InternalSection {
  const nodes = documentNodes(payload);
  return {
    key: 'characters',
    title: `Characters (${nodes.length}, id = clock@author)`,
    items: nodes.map((node) => ({ label: node.id, detail: `${JSON.stringify(node.character)} after ${node.after ?? 'start'}${node.removedBy === null ? '' : ` ✝ ${node.removedBy}`}` })),
    empty: 'empty document',
  };
}

/** The sections for one copy's payload. */
export function internalSections(type: CrdtTypeName, payload: unknown): InternalSection[] {
  if (payload === null || typeof payload !== 'object') return [];
  switch (type) {
    case 'g-counter':
      return [countsSection((payload as GCounterPayload).counts ?? {}, null)];
    case 'pn-counter': {
      const counter = payload as PNCounterPayload;
      return [countsSection(counter.increments ?? {}, counter.decrements ?? {})];
    }
    case 'lww-register':
      return [registerSection(payload as LwwRegisterPayload)];
    case 'mv-register':
      return [siblingsSection(payload as MvRegisterPayload)];
    case 'or-set':
      return [tagsSection((payload as OrSetPayload).entries ?? {}), tombstoneSection(type, payload)];
    case 'or-map':
      return [cartItems(payload as OrMapPayload), tombstoneSection(type, payload)];
    case 'rga':
      return [textSection(payload), tombstoneSection(type, payload)];
  }
}
