import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../engine/index';
import type { CrdtReplicaState } from '../../../engine/protocols/crdt/state';
import { documentOrder, type RgaPayload } from '../../../engine/protocols/crdt/types/rga';
import { parseScenario } from '../../../scenario/index';
import type { Frame } from '../../../worker/api';
import { authorColorIndex } from './authorColors';
import { internalSections, tombstonesOf } from './internalState';
import { cartLines, compareReplicaIds, formatVector, modeAgreement, naiveText, replicaOf, shortValue, valuesEqual } from './replicaModel';
import { crdtChartSeries, lostUpdateCount, readConvergence } from './summaryModel';
import { authoredText, authorRuns, authorsOf, documentNodes } from './textDocument';

function runExample(name: string, untilMs: number, patch: Record<string, unknown> = {}) {
  const text = readFileSync(resolve(import.meta.dirname, '../../../../public/scenarios', `${name}.json`), 'utf8');
  const parsed = parseScenario({ ...(JSON.parse(text) as object), ...patch });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const simulation = createSimulation(parsed.scenario);
  simulation.runUntil(untilMs, false);
  return simulation;
}

const replicas = (simulation: ReturnType<typeof runExample>): CrdtReplicaState[] =>
  simulation.inspect().nodes.map((node) => replicaOf(node) as CrdtReplicaState);

describe('text document', () => {
  it('walks the RGA tree in the engine order and spells the replica value, with authors (crdt-text at 4 s)', () => {
    for (const replica of replicas(runExample('crdt-text', 4_000))) {
      const payload = replica.copies[0]?.payload as RgaPayload;
      expect(documentNodes(payload).map((node) => node.id)).toEqual(documentOrder(payload).map((node) => node.id));
      const characters = authoredText(payload, replica.value);
      expect(characters?.map((entry) => entry.character).join('')).toBe('oh, ello there world');
      expect(authorsOf(characters ?? [])).toEqual(['n3', 'n1', 'n2']);
      expect(authorRuns(characters ?? []).map((run) => [run.author, run.text])).toEqual([
        ['n3', 'oh, '],
        ['n1', 'ello'],
        ['n2', ' there'],
        ['n1', ' world'],
      ]);
    }
  });

  it('matches the engine order for random RGA workloads (seeds 1–6)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const simulation = runExample('crdt-counter', 3_000, { seed, params: { type: 'rga', syncIntervalMs: 100 } });
      for (const replica of replicas(simulation)) {
        const payload = replica.copies[0]?.payload as RgaPayload;
        expect(documentNodes(payload).map((node) => node.id)).toEqual(documentOrder(payload).map((node) => node.id));
        expect(authoredText(payload, replica.value)).not.toBeNull();
      }
    }
  });

  it('refuses to colour a document that does not spell the value', () => {
    const payload: RgaPayload = { nodes: [{ id: '1@n1', clock: 1, author: 'n1', counter: 1, after: null, character: 'a', removedBy: null }], clock: 1 };
    expect(authoredText(payload, 'a')).toHaveLength(1);
    expect(authoredText(payload, 'b')).toBeNull();
    expect(documentNodes({ something: 'else' })).toEqual([]);
  });
});

describe('internal state', () => {
  it('lists OR-Set tags and tombstones, and the tombstones are collected after the heal (crdt-orset-partition)', () => {
    const during = replicas(runExample('crdt-orset-partition', 2_000));
    const n2 = during[1] as CrdtReplicaState;
    const sections = internalSections('or-set', n2.copies[0]?.payload);
    expect(sections.map((section) => section.key)).toEqual(['tags', 'tombstones']);
    // n2 removed milk during the partition: the milk tag it observed is a tombstone.
    expect(tombstonesOf('or-set', n2.copies[0]?.payload).map((tombstone) => tombstone.subject)).toContain('milk');
    expect(sections[0]?.items.map((item) => item.label)).not.toContain('milk');
    const after = replicas(runExample('crdt-orset-partition', 6_000));
    for (const replica of after) {
      expect(tombstonesOf('or-set', replica.copies[0]?.payload)).toEqual([]);
      expect(replica.value).toEqual(['eggs', 'milk']);
    }
  });

  it('shows per-replica counts for a PN-Counter and sibling values for an MV-Register', () => {
    const counter = internalSections('pn-counter', { increments: { n2: 4, n1: 1 }, decrements: { n1: 2 } });
    expect(counter[0]?.items).toEqual([
      { label: 'n1', detail: '+1 −2' },
      { label: 'n2', detail: '+4 −0' },
    ]);
    const siblings = internalSections('mv-register', { entries: [{ value: 'a', versionVector: { n1: 1 } }, { value: 'b', versionVector: { n2: 1 } }] });
    expect(siblings[0]?.items.map((item) => `${item.label} ${item.detail}`)).toEqual(['a n1:1', 'b n2:1']);
    expect(internalSections('or-set', null)).toEqual([]);
  });

  it('reads the cart as item lines and RGA tombstones as characters', () => {
    const cart = replicas(runExample('crdt-cart', 4_000))[0] as CrdtReplicaState;
    expect(cartLines(cart.value)).toEqual([
      { item: 'apple', quantity: 4, price: 135 },
      { item: 'tea', quantity: 2, price: 450 },
    ]);
    const text = replicas(runExample('crdt-text', 1_000))[2] as CrdtReplicaState;
    expect(tombstonesOf('rga', text.copies[0]?.payload).map((tombstone) => tombstone.subject)).toEqual(['"h"']);
  });
});

describe('replica model', () => {
  it('compares the sync modes side by side and formats values compactly', () => {
    const replica = replicas(runExample('crdt-sync-modes', 3_000))[0] as CrdtReplicaState;
    const agreement = modeAgreement(replica);
    expect(agreement.map((entry) => entry.mode)).toEqual(['state', 'delta', 'op']);
    expect(agreement[0]?.agrees).toBe(true);
    expect(agreement.every((entry) => entry.agrees === valuesEqual(entry.value, replica.copies[0]?.value))).toBe(true);
    expect(shortValue(['milk', 'tea'])).toBe('{milk, tea}');
    expect(shortValue({ tea: { quantity: 2, price: null } })).toBe('tea×2');
    expect(shortValue(null)).toBe('∅');
    expect(formatVector({ n10: 1, n2: 3 })).toBe('n2:3 n10:1');
    expect(formatVector({ n2: 3 }, ['n1', 'n2'])).toBe('n1:0 n2:3');
    expect([...['n10', 'n2', 'n1']].sort(compareReplicaIds)).toEqual(['n1', 'n2', 'n10']);
    expect(valuesEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  });

  it('reads the naive store and ignores states that are not replicas', () => {
    const replica = replicas(runExample('crdt-lww-skew', 3_000))[1] as CrdtReplicaState;
    expect(naiveText(replica.naive!)).toBe('eggs=1 milk=1');
    expect(replicaOf({ status: 'up', state: { role: 'leader' }, persistent: null })).toBeNull();
  });

  it('gives every replica id a stable palette colour (property)', () => {
    expect(authorColorIndex('n1')).toBe(0);
    expect(authorColorIndex('n3')).toBe(2);
    fc.assert(fc.property(fc.string(), (id) => authorColorIndex(id) === authorColorIndex(id) && authorColorIndex(id) >= 0 && authorColorIndex(id) < 8));
  });
});

describe('summary', () => {
  const frameOf = (simulation: ReturnType<typeof runExample>) =>
    ({ summary: simulation.inspect().summary, invariants: simulation.invariants() }) as unknown as Frame;

  it('reads divergence during the partition and convergence after the heal (crdt-counter)', () => {
    const during = readConvergence(frameOf(runExample('crdt-counter', 2_000)).summary);
    expect(during?.converged).toBe(false);
    expect(during?.divergence).toMatch(/state sync/);
    expect(during?.modes.map((mode) => mode.mode)).toEqual(['state']);
    expect(during?.modes[0]?.distinctValues).toBeGreaterThan(1);
    const after = readConvergence(frameOf(runExample('crdt-counter', 6_000)).summary);
    expect(after).toMatchObject({ converged: true, divergence: null });
    expect(after?.modes[0]?.distinctValues).toBe(1);
    expect(readConvergence({ leader: 'n1' })).toBeNull();
  });

  it('counts lost updates and charts bytes per mode including the naive store (crdt-lww-skew)', () => {
    const frame = frameOf(runExample('crdt-lww-skew', 3_000));
    expect(lostUpdateCount(frame.invariants)).toBe(2);
    expect(lostUpdateCount([])).toBeNull();
    const series = crdtChartSeries(frame);
    expect(series['bytes sent (delta)']).toBeGreaterThan(0);
    expect(series['bytes sent (naive)']).toBeGreaterThan(0);
    expect(series['distinct states (delta)']).toBe(1);
    expect(readConvergence(frame.summary)?.naive).toMatchObject({ converged: true, writes: 4 });
  });
});
