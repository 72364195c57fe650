import { describe, expect, it } from 'vitest';
import type { NodeSnapshotView } from '../../../worker/api';
import { PLAYING_CARD_INTERVAL_MS, keepsPrevious } from './cardSnapshot';

function node(status: NodeSnapshotView['status'], commitIndex: number): NodeSnapshotView {
  return { id: 'n1', kind: 'server', status, state: { commitIndex }, persistent: null, timers: [] } as unknown as NodeSnapshotView;
}

const sameState = (previous: NodeSnapshotView, next: NodeSnapshotView): boolean => previous.status === next.status && JSON.stringify(previous.state) === JSON.stringify(next.state);

describe('keepsPrevious (the snapshot a card draws)', () => {
  it('keeps a snapshot the card would draw the same, playing or not', () => {
    expect(keepsPrevious({ node: node('up', 1), atMs: 0 }, node('up', 1), sameState, false, 10_000)).toBe(true);
  });

  it('paused, shows every change at once', () => {
    expect(keepsPrevious({ node: node('up', 1), atMs: 0 }, node('up', 2), sameState, false, 1)).toBe(false);
  });

  it('playing, shows a change only once the interval has passed since the last one shown', () => {
    expect(keepsPrevious({ node: node('up', 1), atMs: 0 }, node('up', 2), sameState, true, PLAYING_CARD_INTERVAL_MS - 1)).toBe(true);
    expect(keepsPrevious({ node: node('up', 1), atMs: 0 }, node('up', 2), sameState, true, PLAYING_CARD_INTERVAL_MS)).toBe(false);
  });

  it('playing, shows a change of status at once', () => {
    expect(keepsPrevious({ node: node('up', 1), atMs: 0 }, node('crashed', 1), sameState, true, 1)).toBe(false);
  });
});
