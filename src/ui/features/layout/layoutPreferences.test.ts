import { describe, expect, it } from 'vitest';
import {
  chooseDockTab,
  clampDockHeight,
  createLayoutSettings,
  DEFAULT_LAYOUT,
  LAYOUT_STORAGE_KEY,
  maximumDockHeight,
  MINIMUM_DOCK_HEIGHT_PX,
  parseLayoutPreferences,
  tabForKey,
  toggleCollapsed,
} from './layoutPreferences';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe('layout preferences', () => {
  it('fall back field by field when the stored text is missing, broken or odd', () => {
    expect(parseLayoutPreferences(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayoutPreferences('{not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayoutPreferences('{"dockTab":7,"dockHeightPx":"tall","dockOpen":"yes","collapsedPanels":["inspector",3]}')).toEqual({
      ...DEFAULT_LAYOUT,
      collapsedPanels: ['inspector'],
    });
    expect(parseLayoutPreferences('{"dockTab":"charts","dockHeightPx":20,"dockOpen":false}')).toMatchObject({ dockTab: 'charts', dockHeightPx: MINIMUM_DOCK_HEIGHT_PX, dockOpen: false });
  });

  it('keep the canvas: the dock never grows past the window less the canvas reserve, nor shrinks below its minimum', () => {
    expect(clampDockHeight(5_000, 900)).toBe(maximumDockHeight(900));
    expect(maximumDockHeight(900)).toBeLessThan(900 - 400);
    expect(clampDockHeight(10, 900)).toBe(MINIMUM_DOCK_HEIGHT_PX);
    expect(clampDockHeight(300, 300)).toBe(MINIMUM_DOCK_HEIGHT_PX);
  });

  it('default to about a quarter of the window (1280×800 leaves the canvas most of the height)', () => {
    expect(clampDockHeight(null, 800)).toBe(200);
    expect(clampDockHeight(null, 900)).toBe(225);
    expect(clampDockHeight(null, 2_000)).toBe(280);
  });

  it('choose the saved tab when the module has it, else the diagram, else the first', () => {
    expect(chooseDockTab('raft-kv', ['spacetime', 'charts', 'raft-kv'])).toBe('raft-kv');
    expect(chooseDockTab('raft-kv', ['spacetime', 'charts'])).toBe('spacetime');
    expect(chooseDockTab(null, ['charts', 'crdt-sync-charts'])).toBe('charts');
    expect(chooseDockTab(null, [])).toBeNull();
  });

  it('move between tabs with arrows (wrapping), Home and End; other keys are not theirs', () => {
    const tabs = ['a', 'b', 'c'];
    expect(tabForKey('ArrowRight', 'c', tabs)).toBe('a');
    expect(tabForKey('ArrowLeft', 'a', tabs)).toBe('c');
    expect(tabForKey('Home', 'b', tabs)).toBe('a');
    expect(tabForKey('End', 'a', tabs)).toBe('c');
    expect(tabForKey('Enter', 'a', tabs)).toBeNull();
  });

  it('toggle a side panel in and out of the collapsed list', () => {
    expect(toggleCollapsed([], 'network')).toEqual(['network']);
    expect(toggleCollapsed(['network', 'inspector'], 'network')).toEqual(['inspector']);
  });

  it('are saved on every change and read back by a new page', () => {
    const storage = memoryStorage();
    const settings = createLayoutSettings(storage);
    let calls = 0;
    settings.subscribe(() => calls++);
    settings.update({ dockTab: 'charts', dockHeightPx: 333 });
    expect(calls).toBe(1);
    expect(createLayoutSettings(storage).get()).toMatchObject({ dockTab: 'charts', dockHeightPx: 333 });
    expect(JSON.parse(storage.items.get(LAYOUT_STORAGE_KEY) ?? '{}')).toMatchObject({ dockTab: 'charts' });
  });

  it('still work when the storage throws (a sandboxed iframe)', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const settings = createLayoutSettings(refusing);
    settings.update({ dockOpen: false });
    expect(settings.get().dockOpen).toBe(false);
  });
});
