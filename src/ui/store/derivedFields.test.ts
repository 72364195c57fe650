import { describe, expect, it } from 'vitest';
import { deriveOnUpdate } from './derivedFields';
import { createLabStore } from './labStore';

describe('deriveOnUpdate', () => {
  it('merges the derived fields into the same update: listeners hear of one change', () => {
    const store = createLabStore();
    deriveOnUpdate(store, (next, previous) => (next.speed !== previous.speed ? { selectedNodeId: `speed ${next.speed}` } : null));
    const heard: Array<[number, string | null]> = [];
    store.subscribe((state) => heard.push([state.speed, state.selectedNodeId]));
    store.setState({ speed: 4 });
    expect(heard).toEqual([[4, 'speed 4']]);
  });

  it('leaves updates that derive nothing as they were, and stops when asked', () => {
    const store = createLabStore();
    const stop = deriveOnUpdate(store, (next, previous) => (next.speed !== previous.speed ? { selectedNodeId: 'derived' } : null));
    store.setState({ playing: true });
    expect(store.getState()).toMatchObject({ playing: true, selectedNodeId: null });
    stop();
    store.setState({ speed: 2 });
    expect(store.getState().selectedNodeId).toBeNull();
  });

  it('keeps a function update that returns the same state a no-op', () => {
    const store = createLabStore();
    deriveOnUpdate(store, () => ({ selectedNodeId: 'derived' }));
    let calls = 0;
    store.subscribe(() => calls++);
    store.setState((state) => state);
    expect(calls).toBe(0);
  });
});
