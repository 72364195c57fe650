/**
 * The example scenarios in public/scenarios/raft-*.json: each loads, runs, and shows what its
 * description promises; the bug variants' checkers fire. Also the churn fuzz: random crashes,
 * restarts, partitions, pauses and forced timeouts over many seeds, every checker on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index';
import { Prng } from '../../core/prng';
import type { Action, Scenario } from '../../scenario/types';
import type { Simulation } from '../../sim/simulation';
import type { RaftServerState } from './types';

function preset(name: string): Scenario {
  return JSON.parse(readFileSync(new URL(`../../../../public/scenarios/${name}.json`, import.meta.url), 'utf8')) as Scenario;
}

function run(scenario: Scenario, untilMs: number): Simulation {
  const simulation = createSimulation(scenario);
  simulation.runUntil(untilMs, false);
  return simulation;
}

function failing(simulation: Simulation): string[] {
  return simulation
    .invariants()
    .filter((report) => !report.ok)
    .map((report) => report.name);
}

function server(simulation: Simulation, id: string): RaftServerState {
  return simulation.inspect().nodes.find((node) => node.id === id)?.state as RaftServerState;
}

describe('Raft example scenarios', () => {
  const healthy = ['raft-basic', 'raft-leader-crash', 'raft-split-brain', 'raft-figure8', 'raft-prevote', 'raft-membership', 'raft-snapshot'];
  for (const name of healthy) {
    it(`${name} runs with every checker green`, () => {
      const scenario = preset(name);
      expect(scenario.title).toBeTruthy();
      expect(scenario.description?.length).toBeGreaterThan(100);
      expect(failing(run(scenario, 8000))).toEqual([]);
    });
  }

  it('raft-figure8-bug: Leader Completeness and State Machine Safety fire', () => {
    const simulation = run(preset('raft-figure8-bug'), 2000);
    expect(failing(simulation)).toEqual(expect.arrayContaining(['Leader Completeness', 'State Machine Safety']));
  });

  it('raft-figure8-bug stops at its first violation when the run pauses on violations', () => {
    const result = createSimulation(preset('raft-figure8-bug')).runUntil(2000);
    expect(result.stoppedBy).toBe('violation');
    expect(result.violation).toMatch(/^Leader Completeness: leader n5 of term 4 lacks entry 2/);
  });

  it('raft-stale-read: the linearizability checker reports the stale read', () => {
    const report = run(preset('raft-stale-read'), 8000).invariants().find((candidate) => candidate.name === 'Linearizability');
    expect(report?.ok).toBe(false);
    expect(report?.violations[0]?.message).toMatch(/not linearizable/);
  });

  it('raft-stale-read with the read-index path stays linearizable', () => {
    const scenario = preset('raft-stale-read');
    expect(failing(run({ ...scenario, variants: { readPath: 'read-index' } }, 8000))).toEqual([]);
  });

  it('raft-prevote keeps the term at 1; without PreVote the rejoining server raises it', () => {
    const scenario = preset('raft-prevote');
    expect(Math.max(...['n1', 'n2', 'n3', 'n4', 'n5'].map((id) => server(run(scenario, 6000), id).term))).toBe(1);
    const without = run({ ...scenario, variants: { preVote: false } }, 6000);
    expect(server(without, 'n1').term).toBeGreaterThan(3);
  });

  it('raft-membership ends with n1 removed and leadership handed to n4', () => {
    const simulation = run(preset('raft-membership'), 6000);
    expect(server(simulation, 'n4').role).toBe('leader');
    expect(server(simulation, 'n4').members).toEqual(['n2', 'n3', 'n4', 'n5']);
    expect(server(simulation, 'n1').members).not.toContain('n1');
  });

  it('raft-snapshot: seeking back and replaying reproduces the straight run exactly (checkpoints share frozen entries)', () => {
    const straight = run(preset('raft-snapshot'), 6000);
    const travelled = createSimulation({ ...preset('raft-snapshot'), engine: { checkpointEvery: 500 } });
    travelled.runUntil(6000, false);
    travelled.seek(1200);
    travelled.runUntil(6000, false);
    expect(travelled.traceHash()).toBe(straight.traceHash());
    expect(server(travelled, 'n2').kv).toEqual(server(straight, 'n2').kv);
  });

  it('raft-snapshot: the restarted server catches up through InstallSnapshot', () => {
    const simulation = run(preset('raft-snapshot'), 6000);
    expect(simulation.trace().some((event) => event.node === 'n2' && event.detail?.startsWith('installed snapshot'))).toBe(true);
    const n2 = server(simulation, 'n2');
    expect(n2.snapshot?.lastIncludedIndex).toBeGreaterThan(0);
    expect(n2.kv).toEqual(server(simulation, 'n1').kv);
  });
});

/** Random faults for 8 s, then everything heals and restarts; judged at 20 s. */
function churn(seed: number, variants: Scenario['variants']): Scenario {
  const random = new Prng(seed, 'churn');
  const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
  const schedule: Array<Record<string, unknown>> = [];
  for (let at = 500; at < 8000; at += 200 + random.below(600)) {
    const node = random.pick(ids);
    const until = at + 300 + random.below(1200);
    switch (random.below(6)) {
      case 0:
        schedule.push({ at, type: 'crash', node }, { at: until, type: 'restart', node });
        break;
      case 1:
        schedule.push({ at, type: 'isolate', node }, { at: until, type: 'heal' });
        break;
      case 2: {
        const shuffled = random.shuffle(ids.slice());
        const cut = 1 + random.below(4);
        schedule.push({ at, type: 'partition', groups: [shuffled.slice(0, cut), shuffled.slice(cut)] }, { at: until, type: 'heal' });
        break;
      }
      case 3:
        schedule.push({ at, type: 'crash', node: '@leader' }, { at: until, type: 'restart', node });
        break;
      case 4:
        schedule.push({ at, type: 'timeout', node });
        break;
      default:
        schedule.push({ at, type: 'pause', node }, { at: until, type: 'resume', node });
    }
  }
  schedule.push({ at: 8000, type: 'heal' }, ...ids.map((node) => ({ at: 8000, type: 'restart', node })));
  return { version: 1, module: 'raft', seed, nodes: 5, variants, workload: { clients: 3, requestIntervalMs: 30 }, network: { lossRatio: 0.02 }, schedule: schedule as unknown as Action[] };
}

describe('Raft churn', () => {
  const variantSets: Array<[string, Scenario['variants']]> = [
    ['plain', {}],
    ['prevote+checkquorum', { preVote: true, checkQuorum: true }],
    ['read-index+compaction', { readPath: 'read-index', compaction: true }],
    ['lease+checkquorum', { readPath: 'lease', checkQuorum: true }],
  ];
  for (const [label, variants] of variantSets) {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      it(`seed ${seed} (${label}): every checker stays green`, () => {
        expect(failing(run(churn(seed, variants), 20_000))).toEqual([]);
      });
    }
  }

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed} (voteWithoutLogCheck): the safety checkers catch the bug`, () => {
      const names = failing(run(churn(seed, { voteWithoutLogCheck: true }), 20_000));
      expect(names).toEqual(expect.arrayContaining(['Leader Completeness', 'State Machine Safety']));
    });
  }
});
