import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioJson } from './parse';
import { SCENARIO_VERSION } from '../engine';

const valid = {
  version: 1,
  module: 'ping',
  seed: 9,
  nodes: 3,
  params: { intervalMs: 50 },
  schedule: [
    { at: 100, type: 'crash', node: 'n2' },
    { at: 200, type: 'partition', groups: [['n1'], ['n2', 'n3']] },
    { at: 300, type: 'client', node: 'c1', request: { value: 'x' } },
  ],
};

function problemsOf(input: unknown): string[] {
  const result = parseScenario(input);
  return result.ok ? [] : result.errors.map((error) => `${error.field}: ${error.problem}`);
}

describe('parseScenario', () => {
  it('accepts a valid scenario and keeps its actions', () => {
    const result = parseScenario(valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.schedule).toHaveLength(3);
  });

  it('names the field of an out-of-range parameter', () => {
    expect(problemsOf({ ...valid, params: { intervalMs: 0 } })).toEqual(['params.intervalMs: must be at least 1 ms (got 0)']);
  });

  it('names an unknown parameter and lists the known ones', () => {
    expect(problemsOf({ ...valid, params: { interval: 5 } })[0]).toMatch(/^params\.interval: unknown field \(known: intervalMs\)/);
  });

  it('rejects an unknown module, naming the known ones', () => {
    expect(problemsOf({ ...valid, module: 'paxos' })[0]).toMatch(/^module: unknown module 'paxos' \(known: .*ping/);
  });

  it('names an unknown node inside a schedule action', () => {
    expect(problemsOf({ ...valid, schedule: [{ at: 1, type: 'crash', node: 'n9' }] })[0]).toMatch(/^schedule\[0\]\.node: unknown node 'n9'/);
  });

  it('names a node inside a partition group', () => {
    expect(problemsOf({ ...valid, schedule: [{ at: 1, type: 'partition', groups: [['n1'], ['x']] }] })[0]).toMatch(/^schedule\[0\]\.groups\[1\]\[0\]: unknown node 'x'/);
  });

  it('rejects an unknown action type', () => {
    expect(problemsOf({ ...valid, schedule: [{ at: 1, type: 'explode', node: 'n1' }] })[0]).toMatch(/^schedule\[0\]\.type: unknown action 'explode'/);
  });

  it('rejects a typo in an engine action field', () => {
    expect(problemsOf({ ...valid, schedule: [{ at: 1, type: 'crash', nod: 'n1' }] }).join('\n')).toMatch(/schedule\[0\]/);
  });

  it('rejects negative times and out-of-range ratios', () => {
    expect(problemsOf({ ...valid, schedule: [{ at: -5, type: 'heal' }] })[0]).toMatch(/^schedule\[0\]\.at: must be at least 0/);
    expect(problemsOf({ ...valid, network: { lossRatio: 1.5 } })[0]).toBe('network.lossRatio: must be between 0 and 1');
  });

  it('rejects a node count outside the module range', () => {
    expect(problemsOf({ ...valid, nodes: 0 })[0]).toMatch(/^nodes: must be at least 1/);
    expect(problemsOf({ ...valid, nodes: 51 })[0]).toMatch(/^nodes: must be between 1 and 50 for ping/);
  });

  it('requires a version and refuses one from the future', () => {
    const { version: _version, ...withoutVersion } = valid;
    expect(problemsOf(withoutVersion)[0]).toMatch(/^version: is required/);
    expect(problemsOf({ ...valid, version: SCENARIO_VERSION + 1 })[0]).toMatch(/^version: \d+ is newer than this build/);
  });

  it('rejects non-objects and invalid JSON with a field name', () => {
    expect(problemsOf([1, 2])).toEqual(['(scenario): must be a JSON object']);
    const result = parseScenarioJson('{"version": 1,');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.field).toBe('(json)');
  });

  it('checks client request fields against the module spec', () => {
    expect(problemsOf({ ...valid, schedule: [{ at: 1, type: 'client', request: { valu: 'x' } }] })[0]).toMatch(/^schedule\[0\]\.request\.valu: unknown field/);
  });

  it('rejects unknown top-level fields', () => {
    expect(problemsOf({ ...valid, sead: 4 }).join('\n')).toMatch(/sead/);
  });
});
