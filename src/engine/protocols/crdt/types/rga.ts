/**
 * RGA, the Replicated Growable Array for collaborative text (Roh et al. 2011; in the tree
 * form of Attiya et al. 2016, "timestamped insertion tree"). Each character is a node with a
 * unique id (a Lamport clock value and its author) and the id of the character it was
 * inserted after, its anchor. The document is the depth-first walk of that tree with
 * siblings in descending id order: a later insertion at the same place comes first, and a
 * node's descendants follow it. The payload is just the set of nodes, so merge is a union
 * and commutes trivially; delta groups may hold nodes whose anchor lives elsewhere.
 *
 * Deleting a character keeps it as a tombstone: concurrent insertions may still anchor on it.
 * A tombstone is collected when its deletion is causally stable and no node anchors on it (a
 * leaf): removing a leaf changes no other node's place, and no later insertion can anchor on
 * it, because every later insertion is causally after the deletion.
 *
 * Invariants: ids are unique; nodes are sorted by id; a node's clock is larger than its
 * anchor's; `clock` is at least every clock ever seen, collected nodes included.
 */
import { compareDotKeys, covers, coversDotKey, dotKey, type VersionVector } from '../versionVector';
import { estimateBytes, type CrdtType } from './common';

export type RgaNode = {
  /** "clock@author": unique, ordered by clock then author. */
  id: string;
  clock: number;
  author: string;
  /** The author's update counter: the dot of the insertion that created this node. */
  counter: number;
  /** The id of the node this one was inserted after; null at the start of the text. */
  after: string | null;
  character: string;
  /** The dot of the deletion that made this a tombstone, or null while visible. */
  removedBy: string | null;
};

export type RgaPayload = {
  nodes: RgaNode[];
  /** The largest Lamport clock seen. */
  clock: number;
};

export type RgaEffect = { kind: 'insert'; nodes: RgaNode[] } | { kind: 'delete'; ids: string[]; removedBy: string };

/** Positive when `left` has the larger id (it comes first among siblings). */
function compareIds(left: RgaNode, right: RgaNode): number {
  if (left.clock !== right.clock) return left.clock - right.clock;
  return left.author < right.author ? -1 : left.author > right.author ? 1 : 0;
}

function earlierRemoval(left: string | null, right: string | null): string | null {
  if (left === null) return right;
  if (right === null) return left;
  return compareDotKeys(left, right) <= 0 ? left : right;
}

function sortedById(nodes: RgaNode[]): RgaNode[] {
  return nodes.sort((left, right) => compareIds(left, right));
}

export function rgaMerge(left: RgaPayload, right: RgaPayload): RgaPayload {
  if (right.nodes.length === 0) return { nodes: left.nodes, clock: Math.max(left.clock, right.clock) };
  const byId = new Map<string, RgaNode>();
  for (const node of left.nodes) byId.set(node.id, node);
  for (const node of right.nodes) {
    const mine = byId.get(node.id);
    if (mine === undefined) byId.set(node.id, node);
    else {
      const removedBy = earlierRemoval(mine.removedBy, node.removedBy);
      if (removedBy !== mine.removedBy) byId.set(node.id, { ...mine, removedBy });
    }
  }
  return { nodes: sortedById([...byId.values()]), clock: Math.max(left.clock, right.clock) };
}

/** The document order: depth-first from the start, siblings by descending id. Nodes whose anchor is absent (in a delta group) are left out. */
export function documentOrder(payload: RgaPayload): RgaNode[] {
  const children = new Map<string | null, RgaNode[]>();
  // Nodes are sorted by ascending id; walking them backwards lists each sibling group in descending order.
  for (let index = payload.nodes.length - 1; index >= 0; index--) {
    const node = payload.nodes[index] as RgaNode;
    const siblings = children.get(node.after);
    if (siblings === undefined) children.set(node.after, [node]);
    else siblings.push(node);
  }
  const order: RgaNode[] = [];
  const stack: RgaNode[] = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as RgaNode;
    order.push(node);
    const below = children.get(node.id);
    if (below !== undefined) for (let index = below.length - 1; index >= 0; index--) stack.push(below[index] as RgaNode);
  }
  return order;
}

function visibleNodes(payload: RgaPayload): RgaNode[] {
  return documentOrder(payload).filter((node) => node.removedBy === null);
}

function prepareInsert(payload: RgaPayload, position: number, text: string, replica: string, counter: number): RgaEffect | null {
  if (text.length === 0) return null;
  const visible = visibleNodes(payload);
  const at = Math.max(0, Math.min(position, visible.length));
  let after = at === 0 ? null : (visible[at - 1] as RgaNode).id;
  const nodes: RgaNode[] = [];
  for (let index = 0; index < text.length; index++) {
    const clock = payload.clock + 1 + index;
    const node: RgaNode = { id: `${clock}@${replica}`, clock, author: replica, counter, after, character: text[index] as string, removedBy: null };
    nodes.push(node);
    after = node.id;
  }
  return { kind: 'insert', nodes };
}

function prepareDelete(payload: RgaPayload, position: number, amount: number, replica: string, counter: number): RgaEffect | null {
  const ids = visibleNodes(payload)
    .slice(Math.max(0, position), Math.max(0, position) + amount)
    .map((node) => node.id);
  return ids.length === 0 ? null : { kind: 'delete', ids, removedBy: dotKey(replica, counter) };
}

export function rgaDelta(payload: RgaPayload, effect: RgaEffect): RgaPayload {
  if (effect.kind === 'insert') return { nodes: effect.nodes, clock: (effect.nodes[effect.nodes.length - 1] as RgaNode).clock };
  const wanted = new Set(effect.ids);
  const nodes = payload.nodes.filter((node) => wanted.has(node.id)).map((node) => ({ ...node, removedBy: earlierRemoval(node.removedBy, effect.removedBy) }));
  return { nodes, clock: 0 };
}

function difference(incoming: RgaPayload, local: RgaPayload): RgaPayload {
  const mine = new Map<string, RgaNode>();
  for (const node of local.nodes) mine.set(node.id, node);
  const nodes = incoming.nodes.filter((node) => {
    const existing = mine.get(node.id);
    return existing === undefined || earlierRemoval(existing.removedBy, node.removedBy) !== existing.removedBy;
  });
  return { nodes, clock: incoming.clock > local.clock ? incoming.clock : 0 };
}

function collectGarbage(payload: RgaPayload, stable: VersionVector): RgaPayload {
  const anchoredOn = new Map<string, number>();
  for (const node of payload.nodes) if (node.after !== null) anchoredOn.set(node.after, (anchoredOn.get(node.after) ?? 0) + 1);
  const kept: RgaNode[] = [];
  // By descending id, so children come before their anchor (a child's clock is larger) and a
  // parent whose last child was just collected becomes a leaf in the same pass.
  for (let index = payload.nodes.length - 1; index >= 0; index--) {
    const node = payload.nodes[index] as RgaNode;
    const collectable = node.removedBy !== null && coversDotKey(stable, node.removedBy) && (anchoredOn.get(node.id) ?? 0) === 0;
    if (collectable && node.after !== null) anchoredOn.set(node.after, (anchoredOn.get(node.after) as number) - 1);
    if (!collectable) kept.push(node);
  }
  if (kept.length === payload.nodes.length) return payload;
  return { nodes: kept.reverse(), clock: payload.clock };
}

function discardCollected(incoming: RgaPayload, local: RgaPayload, stable: VersionVector): RgaPayload {
  const present = new Set(local.nodes.map((node) => node.id));
  // A stable insertion missing here was deleted and collected here.
  const nodes = incoming.nodes.filter((node) => present.has(node.id) || !covers(stable, node.author, node.counter));
  return nodes.length === incoming.nodes.length ? incoming : { nodes, clock: incoming.clock };
}

export const rga: CrdtType<RgaPayload, RgaEffect> = {
  name: 'rga',
  title: 'RGA text',
  operations: ['insert', 'delete'],
  initial: () => ({ nodes: [], clock: 0 }),
  prepare(payload, operation, origin) {
    if (operation.op === 'insert') return prepareInsert(payload, operation.position, operation.text, origin.replica, origin.counter);
    if (operation.op === 'delete') return prepareDelete(payload, operation.position, Math.max(1, operation.amount), origin.replica, origin.counter);
    return null;
  },
  effect: (payload, effect) => rgaMerge(payload, rgaDelta(payload, effect)),
  delta: rgaDelta,
  merge: rgaMerge,
  difference,
  value: (payload) =>
    visibleNodes(payload)
      .map((node) => node.character)
      .join(''),
  sizeBytes: estimateBytes,
  effectSizeBytes: estimateBytes,
  tombstoneCount: (payload) => payload.nodes.filter((node) => node.removedBy !== null).length,
  collectGarbage,
  discardCollected,
};
