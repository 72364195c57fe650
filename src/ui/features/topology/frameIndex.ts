/**
 * Per-frame lookups the canvas's selectors share: held-message counts per direction and the
 * partition groups. Computed once per frame object (frames are replaced wholesale, so a
 * WeakMap keyed by the frame is an exact cache) instead of once per card.
 */
import type { Frame } from '../../../worker/api';
import { directionState, partitionGroups, type DirectionState } from './linkState';

interface FrameIndex {
  waiting: Map<string, number>;
  partition: Map<string, number>;
}

const cache = new WeakMap<Frame, FrameIndex>();

function indexOf(frame: Frame): FrameIndex {
  let index = cache.get(frame);
  if (index === undefined) {
    const waiting = new Map<string, number>();
    for (const message of frame.inFlight) {
      if (!message.held) continue;
      const key = `${message.from}>${message.to}`;
      waiting.set(key, (waiting.get(key) ?? 0) + 1);
    }
    const partition = partitionGroups(
      frame.nodes.map((node) => node.id),
      frame.network,
    );
    index = { waiting, partition };
    cache.set(frame, index);
  }
  return index;
}

/** "state:waiting" for one direction, a primitive so selectors compare cheaply (the link menu's). */
export function directionKey(frame: Frame | null, from: string, to: string): string {
  if (frame === null) return 'healthy:0';
  const state: DirectionState = directionState(frame.network, from, to);
  return `${state}:${indexOf(frame).waiting.get(`${from}>${to}`) ?? 0}`;
}

export function parseDirectionKey(key: string): { state: DirectionState; waiting: number } {
  const [state, waiting] = key.split(':');
  return { state: state as DirectionState, waiting: Number(waiting) };
}

/** What one direction of a link shows: its state and, while held, how many messages wait on it. */
export interface DirectionShown {
  state: DirectionState;
  waiting: number;
}

export const HEALTHY_DIRECTION: DirectionShown = { state: 'healthy', waiting: 0 };

/**
 * Every direction that is not plainly healthy, as one string ("n1>n2=cut:0;…"): a primitive,
 * so the link layer's one selector re-renders it only when some link changed, not per frame.
 */
export function linkStatesKey(frame: Frame | null): string {
  if (frame === null) return '';
  const shown = new Map<string, DirectionShown>();
  for (const { from, to } of frame.network.held) shown.set(`${from}>${to}`, { state: 'held', waiting: 0 });
  for (const [direction, waiting] of indexOf(frame).waiting) shown.set(direction, { state: shown.get(direction)?.state ?? 'healthy', waiting });
  // Cut wins over held, as in directionState.
  for (const { from, to } of frame.network.cut) shown.set(`${from}>${to}`, { state: 'cut', waiting: shown.get(`${from}>${to}`)?.waiting ?? 0 });
  return [...shown]
    .map(([direction, { state, waiting }]) => `${direction}=${state}:${waiting}`)
    .sort()
    .join(';');
}

/** The directions in a linkStatesKey, by "from>to"; any other direction is HEALTHY_DIRECTION. */
export function parseLinkStates(key: string): Map<string, DirectionShown> {
  const states = new Map<string, DirectionShown>();
  for (const part of key.split(';')) {
    if (part === '') continue;
    const [direction, shown] = part.split('=') as [string, string];
    const [state, waiting] = shown.split(':');
    states.set(direction, { state: state as DirectionState, waiting: Number(waiting) });
  }
  return states;
}

/** The node's partition group (0, 1, …), or null when the cluster is not partitioned. */
export function partitionGroupOf(frame: Frame | null, nodeId: string): number | null {
  if (frame === null) return null;
  return indexOf(frame).partition.get(nodeId) ?? null;
}
