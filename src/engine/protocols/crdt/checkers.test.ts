/** The checkers catch what they claim to: fabricated views with one broken replica each. */
import { describe, expect, it } from 'vitest';
import type { CheckView, ModuleConfig, NodeView } from '../../protocol';
import { addWinsReference, crdtLivenessCheckers, crdtSafetyCheckers } from './checkers';
import { createCopy } from './replica';
import type { CrdtReplicaState } from './state';
import { crdtType, type CrdtTypeName } from './types/index';

const config = (type: CrdtTypeName, naiveStore = false): ModuleConfig => ({ nodeCount: 2, params: { type }, variants: { syncMode: 'state', naiveStore }, workload: {} });

function replica(id: string, type: CrdtTypeName, value: unknown, versionVector: Record<string, number>): CrdtReplicaState {
  const copy = { ...createCopy('state', crdtType(type)), value: value as never, versionVector };
  return { type, replicaId: id, syncMode: 'state', value: copy.value, versionVector, internal: copy.payload, copies: [copy], issued: { updates: 0, increments: 0, decrements: 0, refused: 0 }, workloadActive: false, naive: null };
}

function view(type: CrdtTypeName, states: CrdtReplicaState[], changedNode: number): CheckView<CrdtReplicaState> {
  const nodes: NodeView<CrdtReplicaState>[] = states.map((state) => ({ id: state.replicaId, kind: 'server', status: 'up', state, persistent: null }));
  return { now: 1_000, eventIndex: 1, config: config(type), nodes, changedNode };
}

describe('CRDT checkers', () => {
  it('safety: equal version vectors with different values is a violation', () => {
    const [checker] = crdtSafetyCheckers(config('or-set'));
    const states = [replica('n1', 'or-set', ['a'], { n1: 1 }), replica('n2', 'or-set', [], { n1: 1 })];
    const checkerState = checker!.init();
    expect(checker!.check(checkerState, view('or-set', states, 0))).toBeNull();
    expect(checker!.check(checkerState, view('or-set', states, 1))).toMatch(/n2 and n1 \(state sync\) delivered the same updates \[n1:1\]/);
  });

  it('counter intent: a caught-up replica must equal increments minus decrements', () => {
    const checker = crdtSafetyCheckers(config('pn-counter')).find((candidate) => candidate.name === 'Counter equals what was issued')!;
    const states = [replica('n1', 'pn-counter', 4, { n1: 2 }), replica('n2', 'pn-counter', 5, { n1: 2 })];
    states[0]!.issued.increments = 5;
    expect(checker.check(checker.init(), view('pn-counter', states, 1))).toBeNull();
    expect(checker.check(checker.init(), view('pn-counter', states, 0))).toMatch(/shows 4, not the 5 issued/);
  });

  it('liveness: names the replica that differs', () => {
    const [checker] = crdtLivenessCheckers();
    const states = [replica('n1', 'or-set', ['a'], { n1: 1 }), replica('n2', 'or-set', [], {})];
    expect(checker!.evaluate(view('or-set', states, -1))).toMatch(/n2 \(state sync\) has delivered \[\] of \[n1:1\]/);
    states[1] = replica('n2', 'or-set', ['a'], { n1: 1 });
    expect(checker!.evaluate(view('or-set', states, -1))).toBeNull();
  });

  it('add-wins reference: a remove only cancels the adds it observed', () => {
    const operations: Parameters<typeof addWinsReference>[0] = [
      { origin: 'n1', counter: 1, op: 'add', element: 'x', dependencies: {} },
      { origin: 'n2', counter: 1, op: 'remove', element: 'x', dependencies: { n1: 1 } },
      { origin: 'n1', counter: 2, op: 'add', element: 'x', dependencies: { n1: 1 } },
    ];
    expect(addWinsReference(operations.slice(0, 2), { n1: 1, n2: 1 })).toEqual([]);
    expect(addWinsReference(operations, { n1: 2, n2: 1 })).toEqual(['x']);
  });
});
