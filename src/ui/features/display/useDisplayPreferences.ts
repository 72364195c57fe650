/** React bindings for the display settings: the current choices and whether motion is reduced. */
import { useSyncExternalStore } from 'react';
import { browserDisplaySettings, type DisplayState } from './displayPreferences';

const subscribe = (listener: () => void): (() => void) => browserDisplaySettings().subscribe(listener);
const snapshot = (): DisplayState => browserDisplaySettings().get();

export function useDisplayPreferences(): DisplayState {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** True when the system asks for reduced motion or the user forced it in the display menu. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => snapshot().reducedMotion, () => false);
}
