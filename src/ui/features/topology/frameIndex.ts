/**
 * Per-frame lookups the canvas's many small selectors share: held-message counts per
 * direction and the partition groups. Computed once per frame object (frames are replaced
 * wholesale, so a WeakMap keyed by the frame is an exact cache) instead of once per edge.
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

/** "state:waiting" for one direction, a primitive so selectors compare cheaply. */
export function directionKey(frame: Frame | null, from: string, to: string): string {
  if (frame === null) return 'healthy:0';
  const state: DirectionState = directionState(frame.network, from, to);
  return `${state}:${indexOf(frame).waiting.get(`${from}>${to}`) ?? 0}`;
}

export function parseDirectionKey(key: string): { state: DirectionState; waiting: number } {
  const [state, waiting] = key.split(':');
  return { state: state as DirectionState, waiting: Number(waiting) };
}

/** The node's partition group (0, 1, …), or null when the cluster is not partitioned. */
export function partitionGroupOf(frame: Frame | null, nodeId: string): number | null {
  if (frame === null) return null;
  return indexOf(frame).partition.get(nodeId) ?? null;
}
