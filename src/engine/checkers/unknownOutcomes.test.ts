/** The two rewrites of unknownOutcomes.ts, on small cases (their soundness is checked against brute force in the property tests). */
import { describe, expect, it } from 'vitest';
import { HistoryBuilder } from './historyBuilder';
import { collectOperations, type RegisterOperation } from './historyOperations';
import { settleUnknownOutcomes } from './unknownOutcomes';

const operationsOf = (builder: HistoryBuilder): RegisterOperation[] => collectOperations(builder.records).byKey.get('x') ?? [];

describe('settleUnknownOutcomes', () => {
  it('drops an info put nobody observed, and keeps ok operations', () => {
    const settled = settleUnknownOutcomes(operationsOf(new HistoryBuilder().invoke(0, 'c1', 'put', 'x', 'a').info(5, 'c1').invoke(10, 'c2', 'get', 'x').ok(20, 'c2', null)));
    expect(settled).toMatchObject({ dropped: 1, promoted: 0 });
    expect(settled.operations.map((operation) => operation.command.f)).toEqual(['get']);
  });

  it('promotes an info put whose unique value a later get read, with that get as its deadline', () => {
    const settled = settleUnknownOutcomes(operationsOf(new HistoryBuilder().invoke(0, 'c1', 'put', 'x', 'a').info(5, 'c1').invoke(10, 'c2', 'get', 'x').ok(20, 'c2', 'a')));
    expect(settled).toMatchObject({ dropped: 0, promoted: 1 });
    expect(settled.operations[0]).toMatchObject({ outcome: 'ok', completePosition: 3, completeTime: null });
  });

  it('keeps an observed info put optional when another write could have produced the value', () => {
    const builder = new HistoryBuilder()
      .invoke(0, 'c1', 'put', 'x', 'a').info(5, 'c1')
      .invoke(6, 'c3', 'put', 'x', 'a').ok(7, 'c3')
      .invoke(10, 'c2', 'get', 'x').ok(20, 'c2', 'a');
    expect(settleUnknownOutcomes(operationsOf(builder))).toMatchObject({ dropped: 0, promoted: 0 });
  });

  it('keeps an info append whose suffix shows up in a read, without promoting it', () => {
    const builder = new HistoryBuilder().invoke(0, 'c1', 'append', 'x', '+1').info(5, 'c1').invoke(10, 'c2', 'get', 'x').ok(20, 'c2', 'w+1');
    const settled = settleUnknownOutcomes(operationsOf(builder));
    expect(settled).toMatchObject({ dropped: 0, promoted: 0 });
    expect(settled.operations[0]?.outcome).toBe('info');
  });
});
