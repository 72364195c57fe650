import { describe, expect, it } from 'vitest';
import { createDisplaySettings, DISPLAY_STORAGE_KEY, motionReduced, parseDisplayPreferences, resolvedScheme } from './displayPreferences';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

/** A stand-in for the root element: only what applyToRoot touches. */
function fakeRoot() {
  const attributes = new Map<string, string>();
  return {
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
    attributes,
  };
}

function fakeMedia(matches: Record<string, boolean>) {
  const listeners: Array<[string, () => void]> = [];
  const matchMedia = (query: string) =>
    ({
      get matches() {
        return matches[query] ?? false;
      },
      addEventListener: (_: string, listener: () => void) => listeners.push([query, listener]),
    }) as unknown as MediaQueryList;
  const change = (query: string, value: boolean): void => {
    matches[query] = value;
    for (const [listened, listener] of listeners) if (listened === query) listener();
  };
  return { matchMedia, change };
}

describe('display preferences', () => {
  it('parse stored choices, falling back to "system" for anything unknown', () => {
    expect(parseDisplayPreferences(null)).toEqual({ theme: 'system', motion: 'system' });
    expect(parseDisplayPreferences('{"theme":"dark","motion":"reduce"}')).toEqual({ theme: 'dark', motion: 'reduce' });
    expect(parseDisplayPreferences('{"theme":"purple","motion":1}')).toEqual({ theme: 'system', motion: 'system' });
    expect(parseDisplayPreferences('nonsense')).toEqual({ theme: 'system', motion: 'system' });
  });

  it('resolve the shown scheme: forced wins, else the system', () => {
    expect(resolvedScheme('system', true)).toBe('dark');
    expect(resolvedScheme('system', false)).toBe('light');
    expect(resolvedScheme('light', true)).toBe('light');
    expect(resolvedScheme('dark', false)).toBe('dark');
  });

  it('reduce motion when forced or when the system asks', () => {
    expect(motionReduced('reduce', false)).toBe(true);
    expect(motionReduced('system', true)).toBe(true);
    expect(motionReduced('system', false)).toBe(false);
  });

  it('put a forced theme and reduced motion on the root, store them, and follow the system otherwise', () => {
    const storage = memoryStorage();
    const root = fakeRoot();
    const media = fakeMedia({ '(prefers-color-scheme: dark)': false });
    const settings = createDisplaySettings({ storage, root: root as unknown as HTMLElement, matchMedia: media.matchMedia });
    expect(root.attributes.has('data-theme')).toBe(false);
    expect(settings.get().scheme).toBe('light');

    settings.setTheme('dark');
    settings.setMotion('reduce');
    expect(root.attributes.get('data-theme')).toBe('dark');
    expect(root.attributes.get('data-reduced-motion')).toBe('true');
    expect(JSON.parse(storage.items.get(DISPLAY_STORAGE_KEY) ?? '{}')).toEqual({ theme: 'dark', motion: 'reduce' });

    // A new page reads the same choice.
    const reopened = createDisplaySettings({ storage, root: fakeRoot() as unknown as HTMLElement, matchMedia: media.matchMedia });
    expect(reopened.get()).toMatchObject({ theme: 'dark', scheme: 'dark', reducedMotion: true });

    settings.setTheme('system');
    expect(root.attributes.has('data-theme')).toBe(false);
    let notified = 0;
    settings.subscribe(() => notified++);
    media.change('(prefers-color-scheme: dark)', true);
    expect(settings.get().scheme).toBe('dark');
    expect(notified).toBe(1);
  });
});
