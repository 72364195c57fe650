import { describe, expect, it } from 'vitest';
import type { InFlightMessage } from '../../../worker/api';
import { describeLink, directionView, linkCondition, partitionGroups } from './linkState';

function message(id: number, from: string, to: string, held: boolean): InFlightMessage {
  return { id, from, to, type: 'Ping', label: null, sentAtMs: 0, deliverAtMs: held ? null : 10, held, message: null };
}

describe('linkState', () => {
  it('tells each direction apart and counts the messages waiting on a held one', () => {
    const network = { cut: [{ from: 'n2', to: 'n1' }], held: [{ from: 'n1', to: 'n2' }] };
    const inFlight = [message(1, 'n1', 'n2', true), message(2, 'n1', 'n2', true), message(3, 'n1', 'n2', false), message(4, 'n3', 'n2', true)];
    const forward = directionView(network, inFlight, 'n1', 'n2');
    const backward = directionView(network, inFlight, 'n2', 'n1');
    expect(forward).toEqual({ from: 'n1', to: 'n2', state: 'held', waiting: 2 });
    expect(backward).toEqual({ from: 'n2', to: 'n1', state: 'cut', waiting: 0 });
    expect(describeLink(forward, backward)).toBe('n1→n2 held (2 waiting), n2→n1 cut');
  });

  it('names the link by its worst direction: both cut, one cut, held, healthy', () => {
    expect(linkCondition('cut', 'cut')).toBe('cut');
    expect(linkCondition('cut', 'held')).toBe('cut-one-way');
    expect(linkCondition('healthy', 'held')).toBe('held');
    expect(linkCondition('healthy', 'healthy')).toBe('healthy');
  });

  it('finds the partition groups the cut links make, and none when everyone still meets', () => {
    const nodes = ['n1', 'n2', 'n3', 'n4'];
    const cutBetween = (a: string[], b: string[]) => a.flatMap((x) => b.flatMap((y) => [{ from: x, to: y }, { from: y, to: x }]));
    const split = partitionGroups(nodes, { cut: cutBetween(['n1', 'n2'], ['n3', 'n4']), held: [] });
    expect([...split.entries()]).toEqual([['n1', 0], ['n2', 0], ['n3', 1], ['n4', 1]]);
    // One cut link: n1 and n2 still meet through n3, so there is no partition to show.
    expect(partitionGroups(nodes, { cut: cutBetween(['n1'], ['n2']), held: [] }).size).toBe(0);
    // A one-way cut between the halves is enough to separate them.
    const oneWay = partitionGroups(['n1', 'n2'], { cut: [{ from: 'n1', to: 'n2' }], held: [] });
    expect(oneWay.get('n1')).not.toBe(oneWay.get('n2'));
  });
});
