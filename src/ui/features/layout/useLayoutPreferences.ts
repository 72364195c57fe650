/** React binding for the layout preferences (dock tab, height, collapsed side panels). */
import { useSyncExternalStore } from 'react';
import { browserLayoutSettings, type LayoutPreferences } from './layoutPreferences';

const subscribe = (listener: () => void): (() => void) => browserLayoutSettings().subscribe(listener);
const snapshot = (): LayoutPreferences => browserLayoutSettings().get();

export function useLayoutPreferences(): LayoutPreferences {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
