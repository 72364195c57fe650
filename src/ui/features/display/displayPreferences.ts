/**
 * How the lab looks and moves: the colour theme (follow the system, or force light or dark)
 * and motion (follow the system's reduced-motion setting, or force it on). These are UI
 * preferences, not simulation state: they live in localStorage and on the root element,
 * never in a scenario or a shared link.
 *
 * The root element carries them so that CSS alone can follow:
 *  - `data-theme` is `light` or `dark` when forced (absent for "system"); theme.css turns it
 *    into the root's `color-scheme` (`light dark` otherwise). Every colour in theme.css and
 *    the views is a light-dark() pair, so this one property switches the canvas, the
 *    diagram, the charts, Mermaid and the panels together;
 *  - `data-reduced-motion="true"` when motion is forced off (CSS pairs it with the media query).
 *
 * Framework-free core (style.md §11): `createDisplaySettings` takes its storage, root and
 * media queries, so it is tested without a browser; useDisplayPreferences.ts binds it to React.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';
export type MotionChoice = 'system' | 'reduce';

export interface DisplayPreferences {
  theme: ThemeChoice;
  motion: MotionChoice;
}

export const DEFAULT_DISPLAY_PREFERENCES: DisplayPreferences = { theme: 'system', motion: 'system' };

export const DISPLAY_STORAGE_KEY = 'faultline.display.v1';

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const MOTIONS: readonly MotionChoice[] = ['system', 'reduce'];

/** Reads stored preferences; anything unreadable (old format, hand-edited, absent) falls back field by field. */
export function parseDisplayPreferences(text: string | null): DisplayPreferences {
  if (text === null) return DEFAULT_DISPLAY_PREFERENCES;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return DEFAULT_DISPLAY_PREFERENCES;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const theme = THEMES.find((choice) => choice === record.theme) ?? DEFAULT_DISPLAY_PREFERENCES.theme;
  const motion = MOTIONS.find((choice) => choice === record.motion) ?? DEFAULT_DISPLAY_PREFERENCES.motion;
  return { theme, motion };
}

/** The scheme actually shown: the forced one, or the system's. */
export function resolvedScheme(theme: ThemeChoice, systemPrefersDark: boolean): 'light' | 'dark' {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light';
  return theme;
}

/** Whether motion is reduced: forced, or asked for by the system. */
export function motionReduced(motion: MotionChoice, systemPrefersReduced: boolean): boolean {
  return motion === 'reduce' || systemPrefersReduced;
}

export interface DisplayEnvironment {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  root: HTMLElement | null;
  /** `window.matchMedia`, or null where there is none (tests, old browsers). */
  matchMedia: ((query: string) => MediaQueryList) | null;
}

/** What a component needs: the choices, and what they come to on this system right now. */
export interface DisplayState extends DisplayPreferences {
  scheme: 'light' | 'dark';
  reducedMotion: boolean;
}

export interface DisplaySettings {
  get(): DisplayState;
  setTheme(theme: ThemeChoice): void;
  setMotion(motion: MotionChoice): void;
  subscribe(listener: () => void): () => void;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

export function createDisplaySettings(environment: DisplayEnvironment): DisplaySettings {
  let preferences = parseDisplayPreferences(safeRead(environment.storage));
  const listeners = new Set<() => void>();
  const dark = environment.matchMedia?.(DARK_QUERY) ?? null;
  const reduced = environment.matchMedia?.(REDUCED_MOTION_QUERY) ?? null;
  let state = compute();

  function compute(): DisplayState {
    return {
      ...preferences,
      scheme: resolvedScheme(preferences.theme, dark?.matches ?? false),
      reducedMotion: motionReduced(preferences.motion, reduced?.matches ?? false),
    };
  }

  function changed(): void {
    state = compute();
    applyToRoot(environment.root, preferences);
    for (const listener of listeners) listener();
  }

  function save(next: DisplayPreferences): void {
    preferences = next;
    try {
      environment.storage?.setItem(DISPLAY_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage may be full or forbidden (private mode, a sandboxed iframe): the choice still holds for this page.
    }
    changed();
  }

  dark?.addEventListener('change', changed);
  reduced?.addEventListener('change', changed);
  applyToRoot(environment.root, preferences);

  return {
    get: () => state,
    setTheme: (theme) => save({ ...preferences, theme }),
    setMotion: (motion) => save({ ...preferences, motion }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function applyToRoot(root: HTMLElement | null, preferences: DisplayPreferences): void {
  if (root === null) return;
  if (preferences.theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', preferences.theme);
  if (preferences.motion === 'reduce') root.setAttribute('data-reduced-motion', 'true');
  else root.removeAttribute('data-reduced-motion');
}

function safeRead(storage: DisplayEnvironment['storage']): string | null {
  try {
    return storage?.getItem(DISPLAY_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** localStorage, or null where reading it throws (a sandboxed iframe, storage disabled). */
export function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

let browserSettings: DisplaySettings | null = null;

/** The page's one display-settings instance (the preference is page-wide: one root, one storage). */
export function browserDisplaySettings(): DisplaySettings {
  browserSettings ??= createDisplaySettings({
    storage: pageStorage(),
    root: typeof document === 'undefined' ? null : document.documentElement,
    matchMedia: typeof window === 'undefined' || typeof window.matchMedia !== 'function' ? null : (query) => window.matchMedia(query),
  });
  return browserSettings;
}
