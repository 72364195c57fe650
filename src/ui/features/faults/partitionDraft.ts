/**
 * The partition tool's drawing: which group (A, B, C) each node is in while the user draws.
 * UI state only (nothing reaches the engine until Apply), kept in a small store of the
 * canvas's own so node cards can show their group without re-rendering the whole canvas.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { nextGroup, type PartitionGroup } from './faultActions';

export interface PartitionDraftState {
  drawing: boolean;
  assignment: Readonly<Record<string, PartitionGroup | undefined>>;
}

export type PartitionDraftStore = StoreApi<PartitionDraftState>;

export function createPartitionDraftStore(): PartitionDraftStore {
  return createStore<PartitionDraftState>()(() => ({ drawing: false, assignment: {} }));
}

export const partitionDraftUpdates = {
  start(): Partial<PartitionDraftState> {
    return { drawing: true, assignment: {} };
  },
  stop(): Partial<PartitionDraftState> {
    return { drawing: false, assignment: {} };
  },
  toggle(state: PartitionDraftState, nodeId: string): Partial<PartitionDraftState> {
    const group = nextGroup(state.assignment[nodeId]);
    const assignment = { ...state.assignment };
    if (group === undefined) delete assignment[nodeId];
    else assignment[nodeId] = group;
    return { assignment };
  },
};

export const PartitionDraftContext = createContext<PartitionDraftStore | null>(null);

export function usePartitionDraftStore(): PartitionDraftStore {
  const store = useContext(PartitionDraftContext);
  if (store === null) throw new Error('The partition tool must be rendered inside the topology canvas.');
  return store;
}

export function usePartitionDraft<Selected>(selector: (state: PartitionDraftState) => Selected): Selected {
  return useStore(usePartitionDraftStore(), selector);
}
