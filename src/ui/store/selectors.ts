/** Small selectors shared by several features. Each returns a primitive or a stable object from the mirror. */
import type { NodeSnapshotView } from '../../worker/api';
import type { LabState } from './labStore';

export const selectTimeMs = (state: LabState): number | null => state.frame?.timeMs ?? null;
export const selectEventIndex = (state: LabState): number | null => state.frame?.eventIndex ?? null;
export const selectTraceHash = (state: LabState): string | null => state.frame?.traceHash ?? null;
export const selectModuleName = (state: LabState): string | null => state.frame?.module ?? null;
export const selectPlaying = (state: LabState): boolean => state.playing;

/** One node's snapshot; a new object each frame (the mirror is replaced wholesale). */
export function selectNode(nodeId: string): (state: LabState) => NodeSnapshotView | undefined {
  return (state) => state.frame?.nodes.find((node) => node.id === nodeId);
}
