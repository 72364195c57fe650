/**
 * The merge laws and the sync-mode equivalences for every replicated data type, as fast-check
 * properties over random histories (operations at three replicas, interleaved with full-state
 * merges), plus each type against independent reference semantics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type PlainData } from '../../core/plainData';
import { causalOrder, operationFromChoice, referenceValue, runHistory, type HistoryStep } from './testing/histories';
import { CRDT_TYPE_NAMES, crdtType } from './types/index';
import { mergeVectors } from './versionVector';

const REPLICAS = 3;
const RUNS = 150;

const step: fc.Arbitrary<HistoryStep> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('operation' as const), replica: fc.nat(REPLICAS - 1), choice: fc.nat(1000), amount: fc.nat(10), timestamp: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), from: fc.nat(REPLICAS - 1), to: fc.nat(REPLICAS - 1) }) },
);
const history = fc.array(step, { minLength: 1, maxLength: 30 });

const same = (left: PlainData, right: PlainData): boolean => canonicalJson(left) === canonicalJson(right);

describe.each(CRDT_TYPE_NAMES)('%s', (name) => {
  const type = crdtType(name);
  const reachedTriple = history.chain((steps) => {
    const { reached } = runHistory(type, steps, REPLICAS);
    const index = fc.nat(reached.length - 1);
    return fc.tuple(index, index, index).map(([a, b, c]) => [reached[a], reached[b], reached[c]] as PlainData[]);
  });

  it('merge is commutative', () => {
    fc.assert(fc.property(reachedTriple, ([a, b]) => same(type.merge(a!, b!), type.merge(b!, a!))), { numRuns: RUNS });
  });

  it('merge is associative', () => {
    fc.assert(fc.property(reachedTriple, ([a, b, c]) => same(type.merge(type.merge(a!, b!), c!), type.merge(a!, type.merge(b!, c!)))), { numRuns: RUNS });
  });

  it('merge is idempotent', () => {
    fc.assert(fc.property(reachedTriple, ([a]) => same(type.merge(a!, a!), a!)), { numRuns: RUNS });
  });

  it('the difference carries everything new: merge(a, difference(b, a)) = merge(a, b)', () => {
    fc.assert(fc.property(reachedTriple, ([a, b]) => same(type.merge(a!, type.difference(b!, a!)), type.merge(a!, b!))), { numRuns: RUNS });
  });

  it('a delta merged equals the effect applied (delta-state = op-based)', () => {
    fc.assert(
      fc.property(history, (steps) => {
        for (const effect of runHistory(type, steps, REPLICAS).effects) {
          const viaDelta = type.merge(effect.before, type.delta(effect.before, effect.effect));
          if (!same(viaDelta, type.effect(effect.before, effect.effect))) return false;
        }
        return true;
      }),
      { numRuns: RUNS },
    );
  });

  it('joining the deltas of a history equals merging the full states', () => {
    fc.assert(
      fc.property(history, (steps) => {
        const result = runHistory(type, steps, REPLICAS);
        let joined = type.initial();
        for (const effect of result.effects) joined = type.merge(joined, type.delta(effect.before, effect.effect));
        const full = result.payloads.reduce((left, right) => type.merge(left, right), type.initial());
        return same(type.value(joined), type.value(full));
      }),
      { numRuns: RUNS },
    );
  });

  it('effects commute under causal delivery: any causal order gives the same value as the merged states', () => {
    fc.assert(
      fc.property(history, fc.array(fc.nat(100), { minLength: 64, maxLength: 64 }), (steps, choices) => {
        const result = runHistory(type, steps, REPLICAS);
        let next = 0;
        const order = causalOrder(result.effects, () => choices[next++ % choices.length] as number);
        const applied = order.reduce((payload, effect) => type.effect(payload, effect.effect), type.initial());
        const full = result.payloads.reduce((left, right) => type.merge(left, right), type.initial());
        return same(type.value(applied), type.value(full));
      }),
      { numRuns: RUNS },
    );
  });

  if (name !== 'rga') {
    it('after every update is merged everywhere, the value equals the reference semantics', () => {
      fc.assert(
        fc.property(history, (steps) => {
          const result = runHistory(type, steps, REPLICAS);
          const full = result.payloads.reduce((left, right) => type.merge(left, right), type.initial());
          return same(type.value(full), referenceValue(name, result.effects));
        }),
        { numRuns: RUNS },
      );
    });
  }

  {
    it('collecting stable tombstones changes no value, and collected tags do not come back from old states', () => {
      fc.assert(
        fc.property(history, (steps) => {
          const result = runHistory(type, steps, REPLICAS);
          const stable = result.vectors.reduce(mergeVectors, {});
          const full = result.payloads.reduce((left, right) => type.merge(left, right), type.initial());
          const collected = type.collectGarbage(full, stable);
          if (!same(type.value(collected), type.value(full))) return false;
          // Every old state is still "in flight": merging it into the collected payload must change nothing visible.
          return result.reached.every((old) => same(type.value(type.merge(collected, type.discardCollected(old, collected, stable))), type.value(full)));
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('rga', () => {
  const type = crdtType('rga');
  it('a single replica edits like a plain string (sequential specification)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.nat(10)), { maxLength: 40 }), (choices) => {
        let payload = type.initial();
        let expected = '';
        choices.forEach(([choice, amount], index) => {
          const operation = operationFromChoice('rga', type.value(payload), choice, amount);
          const effect = type.prepare(payload, operation, { replica: 'n1', counter: index + 1, timestamp: 0, versionVector: {} });
          if (effect !== null) payload = type.effect(payload, effect);
          if (operation.op === 'insert') expected = expected.slice(0, operation.position) + operation.text + expected.slice(operation.position);
          else expected = expected.slice(0, operation.position) + expected.slice(operation.position + operation.amount);
        });
        return type.value(payload) === expected;
      }),
      { numRuns: 200 },
    );
  });

  it('concurrent insertions at the same place keep each replica\'s run of characters together', () => {
    const base = type.prepare(type.initial(), operationFromChoice('rga', '', 0, 0), { replica: 'n1', counter: 1, timestamp: 0, versionVector: {} });
    const start = type.effect(type.initial(), base!);
    const insert = (replica: string, text: string) => type.effect(start, type.prepare(start, { op: 'insert', element: '', amount: 1, value: '', text, position: 1, price: 0 }, { replica, counter: 1, timestamp: 0, versionVector: { n1: 1 } })!);
    const merged = type.merge(insert('n2', 'abc'), insert('n3', 'XYZ'));
    expect(['xabcXYZ', 'xXYZabc']).toContain(type.value(merged));
    expect(type.value(merged)).toBe(type.value(type.merge(insert('n3', 'XYZ'), insert('n2', 'abc'))));
  });
});

describe('or-set intent', () => {
  const type = crdtType('or-set');
  it('a concurrent add and remove of the same element leave it present (add wins)', () => {
    const added = type.effect(type.initial(), type.prepare(type.initial(), { op: 'add', element: 'milk', amount: 1, value: '', text: '', position: 0, price: 0 }, { replica: 'n1', counter: 1, timestamp: 0, versionVector: {} })!);
    const removed = type.effect(added, type.prepare(added, { op: 'remove', element: 'milk', amount: 1, value: '', text: '', position: 0, price: 0 }, { replica: 'n2', counter: 1, timestamp: 0, versionVector: { n1: 1 } })!);
    const addedAgain = type.effect(added, type.prepare(added, { op: 'add', element: 'milk', amount: 1, value: '', text: '', position: 0, price: 0 }, { replica: 'n1', counter: 2, timestamp: 0, versionVector: { n1: 1 } })!);
    expect(type.value(removed)).toEqual([]);
    expect(type.value(type.merge(removed, addedAgain))).toEqual(['milk']);
    expect(type.value(type.merge(addedAgain, removed))).toEqual(['milk']);
  });
});
