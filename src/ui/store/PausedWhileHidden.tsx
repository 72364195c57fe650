/**
 * Keeps a hidden panel mounted (its own state survives: the diagram's zoom, a scroll
 * position) without re-rendering it on every frame. While hidden, the panel reads a mirror
 * of the store that stops following the real one; shown again, the mirror catches up at
 * once. Writes still go to the real store, and the controller is shared.
 *
 * Anything that must see every frame (the chart recorder) subscribes in the shell, not in a
 * panel.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { createStore } from 'zustand/vanilla';
import { LabProvider, useLabController, useLabStore } from './LabContext';
import type { LabState, LabStore } from './labStore';

export function PausedWhileHidden({ visible, children }: { visible: boolean; children: ReactNode }) {
  const store = useLabStore();
  const controller = useLabController();
  const { mirror, follow } = useMemo(() => createMirror(store), [store]);
  useEffect(() => {
    if (!visible) return;
    follow(store.getState());
    return store.subscribe((state) => follow(state));
  }, [visible, store, follow]);
  return (
    <LabProvider store={mirror} controller={controller}>
      {children}
    </LabProvider>
  );
}

function createMirror(store: LabStore): { mirror: LabStore; follow(state: LabState): void } {
  const follower = createStore<LabState>()(() => store.getState());
  return {
    mirror: { ...follower, setState: store.setState },
    follow: (state) => {
      if (follower.getState() !== state) follower.setState(state, true);
    },
  };
}
