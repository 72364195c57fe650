/**
 * Fields computed from every store update and merged into that same update, before any
 * listener hears of it (the way zustand's own middlewares wrap `setState`).
 *
 * Why not a subscriber that calls setState again: every setState runs every component's
 * selector, so a derived field written from a listener doubles the selector work of each
 * worker frame (the chart recorder did, once per frame, with the canvas's selectors).
 */
import type { LabState, LabStore } from './labStore';

/** Given the state an update is about to produce and the state before it: the fields to add, or null. */
export type Derivation = (next: LabState, previous: LabState) => Partial<LabState> | null;

/** Derives fields on every update until the returned function is called. */
export function deriveOnUpdate(store: LabStore, derive: Derivation): () => void {
  const plainSetState = store.setState;
  const derivingSetState = (partial: Partial<LabState> | LabState | ((state: LabState) => Partial<LabState> | LabState), replace?: boolean): void => {
    plainSetState((state) => {
      const update = typeof partial === 'function' ? partial(state) : partial;
      if (Object.is(update, state)) return state;
      const next: LabState = replace === true ? (update as LabState) : { ...state, ...update };
      const derived = derive(next, state);
      return derived === null ? next : { ...next, ...derived };
    }, true);
  };
  store.setState = derivingSetState as LabStore['setState'];
  return () => {
    if (store.setState === derivingSetState) store.setState = plainSetState;
  };
}
