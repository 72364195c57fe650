/**
 * The lab's layout as the user left it: which dock tab is showing, the dock's height and
 * whether it is open, and which side panels are collapsed. UI state only (never in a
 * scenario or a link), kept in localStorage so a reload looks the same.
 *
 * Framework-free: parsing and clamping are pure; `createLayoutSettings` is a tiny external
 * store over a storage, bound to React in useLayoutPreferences.ts.
 */
import { pageStorage } from '../display/displayPreferences';

export interface LayoutPreferences {
  /** The dock tab last chosen (a panel id); null until the user picks one. */
  dockTab: string | null;
  /** The dock body's height as the user dragged it; null for the default share of the window. */
  dockHeightPx: number | null;
  dockOpen: boolean;
  /** Ids of side panels the user collapsed (all panels start expanded). */
  collapsedPanels: readonly string[];
}

export const LAYOUT_STORAGE_KEY = 'faultline.layout.v1';

/** The dock's default share of the window: room for a diagram's lanes, the canvas keeping the larger part. */
const DEFAULT_DOCK_SHARE = 0.25;
const DEFAULT_DOCK_MAXIMUM_PX = 280;
export const MINIMUM_DOCK_HEIGHT_PX = 140;
/** Header, playback bar, tab strip and the smallest useful canvas: the dock never takes these. */
const CANVAS_RESERVE_PX = 460;
/** One arrow-key press on the resize handle. */
export const DOCK_KEY_STEP_PX = 24;

/** The panel shown in the dock by default: the space-time diagram. */
export const DEFAULT_DOCK_TAB = 'spacetime';

export const DEFAULT_LAYOUT: LayoutPreferences = {
  dockTab: null,
  dockHeightPx: null,
  dockOpen: true,
  collapsedPanels: [],
};

export function parseLayoutPreferences(text: string | null): LayoutPreferences {
  if (text === null) return DEFAULT_LAYOUT;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return DEFAULT_LAYOUT;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const height = Number(record.dockHeightPx);
  return {
    dockTab: typeof record.dockTab === 'string' ? record.dockTab : null,
    dockHeightPx: record.dockHeightPx !== null && Number.isFinite(height) ? Math.max(MINIMUM_DOCK_HEIGHT_PX, Math.round(height)) : null,
    dockOpen: typeof record.dockOpen === 'boolean' ? record.dockOpen : true,
    collapsedPanels: Array.isArray(record.collapsedPanels) ? record.collapsedPanels.filter((id): id is string => typeof id === 'string') : [],
  };
}

/** The tallest the dock may be in a window this tall (never below the minimum). */
export function maximumDockHeight(viewportHeightPx: number): number {
  return Math.max(MINIMUM_DOCK_HEIGHT_PX, Math.round(viewportHeightPx - CANVAS_RESERVE_PX));
}

/** The dock's height in this window: the user's, or the default share, within the limits. */
export function clampDockHeight(heightPx: number | null, viewportHeightPx: number): number {
  const wanted = heightPx ?? Math.min(DEFAULT_DOCK_MAXIMUM_PX, viewportHeightPx * DEFAULT_DOCK_SHARE);
  return Math.min(maximumDockHeight(viewportHeightPx), Math.max(MINIMUM_DOCK_HEIGHT_PX, Math.round(wanted)));
}

/**
 * The tab to show among `available` (in order): the saved one if this module still has it,
 * else the diagram, else the first. Null only when there are no tabs.
 */
export function chooseDockTab(saved: string | null, available: readonly string[]): string | null {
  if (saved !== null && available.includes(saved)) return saved;
  if (available.includes(DEFAULT_DOCK_TAB)) return DEFAULT_DOCK_TAB;
  return available[0] ?? null;
}

/** The tab an arrow, Home or End key moves to in a tab list (wrapping), or null for other keys. */
export function tabForKey(key: string, current: string, tabs: readonly string[]): string | null {
  const index = tabs.indexOf(current);
  if (index < 0 || tabs.length === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return tabs[(index + 1) % tabs.length] ?? null;
    case 'ArrowLeft':
      return tabs[(index - 1 + tabs.length) % tabs.length] ?? null;
    case 'Home':
      return tabs[0] ?? null;
    case 'End':
      return tabs[tabs.length - 1] ?? null;
    default:
      return null;
  }
}

export function toggleCollapsed(collapsed: readonly string[], panelId: string): readonly string[] {
  return collapsed.includes(panelId) ? collapsed.filter((id) => id !== panelId) : [...collapsed, panelId];
}

export interface LayoutSettings {
  get(): LayoutPreferences;
  update(change: Partial<LayoutPreferences>): void;
  subscribe(listener: () => void): () => void;
}

export function createLayoutSettings(storage: Pick<Storage, 'getItem' | 'setItem'> | null): LayoutSettings {
  let preferences = parseLayoutPreferences(readSafely(storage));
  const listeners = new Set<() => void>();
  return {
    get: () => preferences,
    update(change) {
      preferences = { ...preferences, ...change };
      try {
        storage?.setItem(LAYOUT_STORAGE_KEY, JSON.stringify(preferences));
      } catch {
        // Storage refused (private mode, sandboxed iframe): the layout still holds for this page.
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readSafely(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    return storage?.getItem(LAYOUT_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

let browserSettings: LayoutSettings | null = null;

/** The page's one layout store (the layout is page-wide, like the storage behind it). */
export function browserLayoutSettings(): LayoutSettings {
  browserSettings ??= createLayoutSettings(pageStorage());
  return browserSettings;
}
