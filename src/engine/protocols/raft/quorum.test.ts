/** §5.3/§5.4.2: the index a quorum stores, against a plain sort as the reference (property). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quorumMatchIndex, quorumSize } from './quorum';
import type { RaftServerState } from './types';

function stateWith(ownLength: number, matches: number[]): RaftServerState {
  const members = ['n1', ...matches.map((_, index) => `n${index + 2}`)];
  const progress = Object.fromEntries(matches.map((matchIndex, index) => [`n${index + 2}`, { matchIndex, nextIndex: matchIndex + 1 }]));
  return { members, progress, log: new Array(ownLength).fill(null), snapshot: null } as unknown as RaftServerState;
}

describe('quorumMatchIndex', () => {
  it('is the largest index stored on a majority, whatever the order (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.array(fc.nat(50), { maxLength: 14 }), (ownLength, matches) => {
        const state = stateWith(ownLength, matches);
        const sorted = [ownLength, ...matches].sort((left, right) => right - left);
        expect(quorumMatchIndex(state, 'n1')).toBe(sorted[quorumSize(state.members) - 1]);
      }),
    );
  });
});
