/**
 * What the canvas shows about links, derived from a frame's network description and the
 * messages in flight. Pure: the edge component and the tests read the same answers.
 *
 * A link is a pair of nodes; each direction has its own state, because the engine cuts and
 * holds directed links (a → b can be cut while b → a still works).
 */
import type { InFlightMessage, NetworkDescription } from '../../../worker/api';

/** One direction of a link. */
export type DirectionState = 'healthy' | 'cut' | 'held';

/** How a whole link is doing, looking at both directions (cut wins over held). */
export type LinkCondition = 'healthy' | 'cut-one-way' | 'cut' | 'held';

export interface DirectionView {
  from: string;
  to: string;
  state: DirectionState;
  /** Messages waiting on this direction while it is held. */
  waiting: number;
}

type LinkLists = Pick<NetworkDescription, 'cut' | 'held'>;

function has(list: ReadonlyArray<{ from: string; to: string }>, from: string, to: string): boolean {
  return list.some((link) => link.from === from && link.to === to);
}

export function directionState(network: LinkLists, from: string, to: string): DirectionState {
  if (has(network.cut, from, to)) return 'cut';
  if (has(network.held, from, to)) return 'held';
  return 'healthy';
}

export function waitingMessages(inFlight: readonly InFlightMessage[], from: string, to: string): InFlightMessage[] {
  return inFlight.filter((message) => message.held && message.from === from && message.to === to);
}

export function directionView(network: LinkLists, inFlight: readonly InFlightMessage[], from: string, to: string): DirectionView {
  const state = directionState(network, from, to);
  const waiting = waitingMessages(inFlight, from, to).length;
  return { from, to, state, waiting };
}

export function linkCondition(forward: DirectionState, backward: DirectionState): LinkCondition {
  const cuts = (forward === 'cut' ? 1 : 0) + (backward === 'cut' ? 1 : 0);
  if (cuts === 2) return 'cut';
  if (cuts === 1) return 'cut-one-way';
  return forward === 'held' || backward === 'held' ? 'held' : 'healthy';
}

/** Words for screen readers and tooltips: "n1→n2 cut, n2→n1 healthy". */
export function describeLink(forward: DirectionView, backward: DirectionView): string {
  const part = (view: DirectionView): string =>
    `${view.from}→${view.to} ${view.state}${view.state === 'held' ? ` (${view.waiting} waiting)` : ''}`;
  return `${part(forward)}, ${part(backward)}`;
}

/**
 * The partition the cut links make: nodes that can talk both ways are in one group.
 * Returns each node's group number, or an empty map when everyone is in one group, so
 * a single cut link (the ends still meet through a third node) shows no halos.
 */
export function partitionGroups(nodeIds: readonly string[], network: LinkLists): Map<string, number> {
  const parent = nodeIds.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] as number;
    return current;
  };
  for (let first = 0; first < nodeIds.length; first++) {
    for (let second = first + 1; second < nodeIds.length; second++) {
      const a = nodeIds[first] as string;
      const b = nodeIds[second] as string;
      if (!has(network.cut, a, b) && !has(network.cut, b, a)) parent[root(second)] = root(first);
    }
  }
  const groupOfRoot = new Map<number, number>();
  const groups = new Map<string, number>();
  nodeIds.forEach((id, index) => {
    const top = root(index);
    if (!groupOfRoot.has(top)) groupOfRoot.set(top, groupOfRoot.size);
    groups.set(id, groupOfRoot.get(top) as number);
  });
  return groupOfRoot.size > 1 ? groups : new Map();
}
