import { describe, expect, it } from 'vitest';
import { findModule } from '../../../engine/index';
import type { Scenario } from '../../../worker/api';
import { applySettingsChange, availableModules, fieldValue, nodeRange, problemsByField, randomSeed, settingsFields, validateSettings, valueFromText } from './settingsModel';

const PING: Scenario = {
  version: 1,
  module: 'ping',
  title: 'Ping',
  seed: 1,
  nodes: 3,
  params: { intervalMs: 100 },
  network: { latencyMs: 10, links: [{ from: 'n1', to: 'n2', latencyMs: 50 }] },
  schedule: [{ at: 1000, type: 'crash', node: 'n3' }],
  viewAtMs: 500,
};

function validated(change: Parameters<typeof applySettingsChange>[1], from: Scenario = PING) {
  return validateSettings(applySettingsChange(from, change));
}

describe('settings model', () => {
  it('builds controls from the module specs, including every Raft parameter, variant and workload field', () => {
    const raft = findModule('raft')!;
    const fields = settingsFields(raft);
    expect(fields.params.map((field) => field.name)).toEqual(Object.keys(raft.parameters));
    expect(fields.variants.map((field) => field.name)).toEqual(Object.keys(raft.variants));
    expect(fields.workload.map((field) => field.name)).toEqual(Object.keys(raft.workload));
    expect(fields.network.map((field) => field.key)).toEqual(['network.latencyMs', 'network.jitterMs', 'network.lossRatio', 'network.duplicationRatio', 'network.reorderRatio']);
    expect(availableModules().map((module) => module.name)).toEqual(expect.arrayContaining(['ping', 'raft', 'crdt']));
  });

  it('caps Raft at 15 servers in the lab and refuses more', () => {
    expect(nodeRange(findModule('raft')!)).toEqual({ minimum: 1, maximum: 15 });
    const raft16 = validated({ kind: 'nodes', nodes: 16 }, { version: 1, module: 'raft', seed: 1, nodes: 5 });
    expect(raft16.ok).toBe(false);
    if (!raft16.ok) expect(raft16.errors[0]?.field).toBe('nodes');
  });

  it('changes the seed and a parameter, keeping the schedule and dropping the viewed time', () => {
    const result = validated({ kind: 'value', section: 'params', name: 'intervalMs', value: 250 }, { ...PING, seed: 99 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.params).toEqual({ intervalMs: 250 });
    expect(result.scenario.seed).toBe(99);
    expect(result.scenario.schedule).toEqual(PING.schedule);
    expect(result.scenario.viewAtMs).toBeUndefined();
  });

  it('names the field and the problem for an out-of-range or non-numeric value', () => {
    const tooFast = validated({ kind: 'value', section: 'params', name: 'intervalMs', value: 0 });
    expect(tooFast).toEqual({ ok: false, errors: [{ field: 'params.intervalMs', problem: expect.stringMatching(/at least 1/) }] });
    const text = validated({ kind: 'value', section: 'network', name: 'lossRatio', value: valueFromText(settingsFields(findModule('ping')!).network[2]!.spec, 'lots') });
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.errors[0]?.field).toBe('network.lossRatio');
  });

  it('an empty box restores the default; fieldValue shows defaults for missing values', () => {
    const cleared = applySettingsChange(PING, { kind: 'value', section: 'params', name: 'intervalMs', value: undefined });
    expect(cleared.params).toEqual({});
    const interval = settingsFields(findModule('ping')!).params.find((field) => field.name === 'intervalMs')!;
    expect(fieldValue(cleared, interval)).toBe(100);
    expect(fieldValue({ ...PING, params: { intervalMs: 40 } }, interval)).toBe(40);
  });

  it('a new module starts from its defaults with no schedule and no per-link overrides', () => {
    const result = validated({ kind: 'module', module: 'raft' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario).toEqual({ version: 1, module: 'raft', seed: 1, nodes: 5, network: { latencyMs: 10 } });
  });

  it('fewer nodes than the schedule names: the problem goes next to the node count', () => {
    const result = validated({ kind: 'nodes', nodes: 2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const placed = problemsByField(result.errors, new Set(['nodes', 'seed']), 'nodes');
    expect([...placed.keys()]).toEqual(['nodes']);
    expect(placed.get('nodes')?.[0]).toMatch(/^schedule\[0\]\.node: unknown node 'n3'/);
  });

  it('new seeds are unsigned 32-bit integers', () => {
    expect(randomSeed(() => -1)).toBe(4294967295);
    expect(randomSeed(() => 12.9)).toBe(12);
  });
});
