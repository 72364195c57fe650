/**
 * React bindings for the lab: the store and the controller reach components through one
 * context. Components read the store through small selectors (`useLab(state => ...)`), so
 * a frame re-renders only what shows something that changed; they act only through the
 * controller.
 */
import { createContext, useContext, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabController } from '../controller/labController';
import type { LabState, LabStore } from './labStore';

interface LabBindings {
  store: LabStore;
  controller: LabController;
}

const LabContext = createContext<LabBindings | null>(null);

export function LabProvider({ store, controller, children }: LabBindings & { children: ReactNode }) {
  return <LabContext.Provider value={{ store, controller }}>{children}</LabContext.Provider>;
}

function useBindings(): LabBindings {
  const bindings = useContext(LabContext);
  if (bindings === null) throw new Error('Lab components must be rendered inside <LabProvider>.');
  return bindings;
}

export function useLab<Selected>(selector: (state: LabState) => Selected): Selected {
  return useStore(useBindings().store, selector);
}

/**
 * Like useLab, for selectors that build a new object from every frame: while `same(previous,
 * next)` holds, the previous object is kept, so the component does not re-render (the
 * pattern of zustand's useShallow, with the equality chosen by the caller).
 */
export function useLabStable<Selected>(selector: (state: LabState) => Selected, same: (previous: Selected, next: Selected) => boolean): Selected {
  const previous = useRef<{ value: Selected } | null>(null);
  return useLab((state) => {
    const next = selector(state);
    if (previous.current !== null && same(previous.current.value, next)) return previous.current.value;
    previous.current = { value: next };
    return next;
  });
}

export function useLabStore(): LabStore {
  return useBindings().store;
}

export function useLabController(): LabController {
  return useBindings().controller;
}
