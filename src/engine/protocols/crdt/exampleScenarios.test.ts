/**
 * The example scenarios in public/scenarios/crdt-*.json: each one validates, runs, and shows
 * what its description promises.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../../scenario';
import { createSimulation } from '../../index';
import type { CrdtReplicaState } from './state';

function load(name: string) {
  const parsed = parseScenarioJson(readFileSync(new URL(`../../../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed));
  const simulation = createSimulation(parsed.scenario);
  simulation.runUntil(12_000, false);
  const snapshot = simulation.inspect();
  const states = snapshot.nodes.map((node) => node.state as CrdtReplicaState);
  const broken = simulation.invariants().filter((invariant) => !invariant.ok || invariant.pending !== null);
  return { simulation, snapshot, states, broken, summary: snapshot.summary as Record<string, unknown> };
}

describe('example scenarios', () => {
  it('crdt-counter: replicas converge on increments minus decrements', () => {
    const { states, broken, summary } = load('crdt-counter');
    expect(broken).toEqual([]);
    expect(summary.converged).toBe(true);
    const issued = states.reduce((total, state) => total + state.issued.increments - state.issued.decrements, 0);
    expect(states.map((state) => state.value)).toEqual([issued, issued, issued]);
  });

  it('crdt-orset-partition: milk survives its concurrent removal, bread does not, tombstones collected', () => {
    const { states, broken } = load('crdt-orset-partition');
    expect(broken).toEqual([]);
    for (const state of states) {
      expect(state.value).toEqual(['eggs', 'milk']);
      expect(state.copies[0]!.tombstones).toBe(0);
      expect(state.copies[0]!.tombstonesCollected).toBeGreaterThan(0);
    }
  });

  it('crdt-cart: the concurrent tea survives with only the unseen quantity, the newer price wins', () => {
    const { states, broken } = load('crdt-cart');
    expect(broken).toEqual([]);
    for (const state of states) expect(state.value).toEqual({ apple: { quantity: 4, price: 135 }, tea: { quantity: 2, price: 450 } });
  });

  it('crdt-text: every replica shows the same document, with authorship', () => {
    const { states, broken, summary } = load('crdt-text');
    expect(broken).toEqual([]);
    expect(summary.converged).toBe(true);
    expect(states.map((state) => state.value)).toEqual(['oh, ello there world', 'oh, ello there world', 'oh, ello there world']);
    const authors = new Set((states[0]!.internal as { nodes: Array<{ author: string }> }).nodes.map((node) => node.author));
    expect([...authors].sort()).toEqual(['n1', 'n2', 'n3']);
  });

  it('crdt-sync-modes: all three modes converge, each with its own byte count', () => {
    const { broken, summary } = load('crdt-sync-modes');
    expect(broken).toEqual([]);
    expect(summary.converged).toBe(true);
    const bytes = summary.bytesByMode as Record<string, number>;
    for (const mode of ['state', 'delta', 'op']) expect(bytes[mode]).toBeGreaterThan(0);
    // The three copies are separate systems: their byte counts differ.
    expect(new Set([bytes.state, bytes.delta, bytes.op]).size).toBe(3);
  });

  it('crdt-lww-skew: the naive store loses two acknowledged writes, the CRDT cart keeps them', () => {
    const { states, broken } = load('crdt-lww-skew');
    expect(broken.map((invariant) => [invariant.name, invariant.violationCount])).toEqual([['No lost updates (naive store)', 2]]);
    expect(broken[0]!.violations[0]!.message).toMatch(/n2 wrote "milk" = 3 .* but n1 wrote it earlier/);
    for (const state of states) {
      expect(state.value).toEqual({ eggs: { quantity: 2, price: null }, milk: { quantity: 3, price: null } });
      expect(state.naive!.entries.milk!.value).toBe(1);
    }
  });
});
