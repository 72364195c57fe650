/**
 * The classic Raft situations (the MIT 6.824 test list, etcd's raft_test.go), run through the
 * public engine API with every checker on. Timing bounds are in virtual time.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index';
import type { Action, Scenario } from '../../scenario/types';
import type { Simulation } from '../../sim/simulation';
import { raftModule } from './module';
import type { RaftClientState, RaftMessage, RaftServerState } from './types';

function raft(overrides: Partial<Scenario> & { schedule?: Action[] }): Simulation {
  return createSimulation({ version: 1, module: 'raft', seed: 1, nodes: 5, workload: { clients: 0 }, ...overrides });
}

function servers(simulation: Simulation): Array<{ id: string; status: string; state: RaftServerState }> {
  return simulation
    .inspect()
    .nodes.filter((node) => node.kind === 'server' && node.state !== null)
    .map((node) => ({ id: node.id, status: node.status, state: node.state as RaftServerState }));
}

function leaders(simulation: Simulation): string[] {
  return servers(simulation)
    .filter((node) => node.status === 'up' && node.state.role === 'leader')
    .map((node) => node.id);
}

function leaderOf(simulation: Simulation): string {
  const found = leaders(simulation);
  expect(found).toHaveLength(1);
  return found[0] as string;
}

function expectAllCheckersGreen(simulation: Simulation): void {
  const failed = simulation.invariants().filter((report) => !report.ok);
  expect(failed.map((report) => `${report.name}: ${report.violations[0]?.message}`)).toEqual([]);
}

function logTerms(state: RaftServerState): string {
  return state.log.map((entry) => `${entry.index}/${entry.term}`).join(' ');
}

function propose(at: number, node: string, value: string): Action {
  return { at, type: 'client', node, request: { f: 'put', key: 'x', value } } as Action;
}

describe('Raft scenarios', () => {
  it('initial election: one leader within a second, followed by everyone', () => {
    const simulation = raft({});
    simulation.runUntil(1000);
    const leader = leaderOf(simulation);
    for (const node of servers(simulation)) {
      expect(node.state.term).toBe(1);
      if (node.id !== leader) expect(node.state.leaderHint).toBe(leader);
    }
    expectAllCheckersGreen(simulation);
  });

  it('re-election after the leader is isolated, and the old leader steps down when it returns', () => {
    const first = raft({});
    first.runUntil(1000);
    const old = leaderOf(first);
    const simulation = raft({ schedule: [{ at: 1000, type: 'isolate', node: old }, { at: 3000, type: 'heal' }] as Action[] });
    simulation.runUntil(2500);
    const others = leaders(simulation).filter((id) => id !== old);
    expect(others).toHaveLength(1);
    simulation.runUntil(4000);
    const leader = leaderOf(simulation);
    expect(leader).not.toBe(old);
    const oldState = servers(simulation).find((node) => node.id === old)?.state as RaftServerState;
    expect(oldState.role).toBe('follower');
    expect(oldState.term).toBeGreaterThan(1);
    expectAllCheckersGreen(simulation);
  });

  it('no leader in a minority: two live servers out of five never elect one', () => {
    const simulation = raft({ schedule: [{ at: 0, type: 'crash', node: 'n3' }, { at: 0, type: 'crash', node: 'n4' }, { at: 0, type: 'crash', node: 'n5' }] as Action[] });
    simulation.runUntil(5000);
    expect(leaders(simulation)).toEqual([]);
    // They keep trying: terms rise with every timeout.
    expect(Math.max(...servers(simulation).map((node) => node.state.term))).toBeGreaterThan(5);
    expectAllCheckersGreen(simulation);
  });

  it('agreement despite a failed follower, which catches up after restarting', () => {
    const probe = raft({});
    probe.runUntil(1000);
    const follower = servers(probe).find((node) => node.state.role === 'follower')?.id as string;
    const simulation = raft({ workload: { clients: 2, requestIntervalMs: 50 }, schedule: [{ at: 1000, type: 'crash', node: follower }, { at: 4000, type: 'restart', node: follower }] as Action[] });
    simulation.runUntil(3900);
    const midway = servers(simulation).filter((node) => node.status === 'up');
    expect(Math.min(...midway.map((node) => node.state.commitIndex))).toBeGreaterThan(20);
    simulation.runUntil(6000);
    const states = servers(simulation).map((node) => node.state);
    const committed = Math.min(...states.map((state) => state.commitIndex));
    expect(committed).toBeGreaterThan(40);
    for (const state of states) expect(state.kv).toEqual((states[0] as RaftServerState).kv);
    expectAllCheckersGreen(simulation);
  });

  it('no commit without a majority, and commit once the majority returns', () => {
    const probe = raft({});
    probe.runUntil(1000);
    const leader = leaderOf(probe);
    const followers = servers(probe).filter((node) => node.id !== leader).map((node) => node.id);
    const crash = followers.slice(0, 3).map((node) => ({ at: 1000, type: 'crash', node }));
    const restart = followers.slice(0, 3).map((node) => ({ at: 2000, type: 'restart', node }));
    const simulation = raft({ schedule: [...crash, propose(1100, leader, 'a'), ...restart] as Action[] });
    simulation.runUntil(1900);
    const before = servers(simulation).find((node) => node.id === leader)?.state as RaftServerState;
    expect(before.log.at(-1)?.command).toMatchObject({ type: 'kv', value: 'a' });
    expect(before.commitIndex).toBeLessThan(before.log.length);
    expect(before.kv.x).toBeUndefined();
    simulation.runUntil(2500);
    const after = servers(simulation).find((node) => node.id === leader)?.state as RaftServerState;
    expect(after.kv.x).toBe('a');
    expectAllCheckersGreen(simulation);
  });

  it('a partitioned old leader rejoins and its uncommitted entries are overwritten', () => {
    const probe = raft({});
    probe.runUntil(1000);
    const old = leaderOf(probe);
    const proposals = [0, 1, 2].map((offset) => propose(1100 + offset * 10, old, `lost${offset}`));
    const simulation = raft({ schedule: [{ at: 1000, type: 'isolate', node: old }, ...proposals, { at: 2500, type: 'heal' }] as Action[] });
    simulation.runUntil(2400);
    const isolated = servers(simulation).find((node) => node.id === old)?.state as RaftServerState;
    expect(isolated.log.filter((entry) => entry.command.type === 'kv')).toHaveLength(3);
    simulation.runUntil(4000);
    const leader = leaderOf(simulation);
    const all = servers(simulation);
    const oldState = all.find((node) => node.id === old)?.state as RaftServerState;
    const leaderState = all.find((node) => node.id === leader)?.state as RaftServerState;
    expect(oldState.truncatedEntries).toBeGreaterThanOrEqual(3);
    expect(oldState.log.some((entry) => entry.command.type === 'kv' && entry.command.value?.startsWith('lost'))).toBe(false);
    expect(logTerms(oldState)).toBe(logTerms(leaderState).split(' ').slice(0, oldState.log.length).join(' '));
    expectAllCheckersGreen(simulation);
  });

  it('fast backup: a follower with 50 conflicting entries is repaired in a few round trips', () => {
    const probe = raft({});
    probe.runUntil(1000);
    const old = leaderOf(probe);
    const stale = Array.from({ length: 50 }, (_, index) => propose(1010 + index, old, `stale${index}`));
    const fresh = Array.from({ length: 50 }, (_, index) => ({ at: 2000 + index, type: 'client', node: '@leader', request: { f: 'put', key: 'y', value: `fresh${index}` } }));
    let rejections = 0;
    const counting = {
      ...raftModule,
      onMessage(state: RaftServerState, from: string, message: RaftMessage, context: Parameters<typeof raftModule.onMessage>[3]) {
        if (message.type === 'AppendEntriesResponse' && !message.success && from === old) rejections++;
        raftModule.onMessage(state, from, message, context);
      },
    };
    // The second leader is crashed too, so the third one starts with nextIndex past the stale entries.
    const schedule = [{ at: 1000, type: 'isolate', node: old }, ...stale, ...fresh, { at: 2500, type: 'crash', node: '@leader' }, { at: 3000, type: 'heal' }];
    const scenario: Scenario = { version: 1, module: 'raft', seed: 1, nodes: 5, workload: { clients: 0 }, schedule: schedule as Action[] };
    const simulation = createSimulation(scenario, counting);
    simulation.runUntil(2900);
    expect((servers(simulation).find((node) => node.id === old)?.state as RaftServerState).log.length).toBeGreaterThanOrEqual(51);
    rejections = 0;
    simulation.runUntil(4000);
    const all = servers(simulation);
    const leader = all.find((node) => node.id === leaderOf(simulation))?.state as RaftServerState;
    const repaired = all.find((node) => node.id === old)?.state as RaftServerState;
    expect(logTerms(repaired)).toBe(logTerms(leader));
    // One entry at a time would take 50 rejections; conflict hints skip the stale term at once.
    expect(rejections).toBeGreaterThan(0);
    expect(rejections).toBeLessThanOrEqual(3);
    expectAllCheckersGreen(simulation);
  });

  it('every server crashes and the cluster recovers its committed state from persistent storage', () => {
    const crashes = ['n1', 'n2', 'n3', 'n4', 'n5'].flatMap((node, index) => [
      { at: 3000 + index * 5, type: 'crash', node },
      { at: 3500 + index * 5, type: 'restart', node },
    ]);
    const simulation = raft({ workload: { clients: 2, requestIntervalMs: 40 }, schedule: crashes as Action[] });
    simulation.runUntil(2999);
    const before = servers(simulation);
    const leaderBefore = before.find((node) => node.state.role === 'leader')?.state as RaftServerState;
    const committedKv = { ...leaderBefore.kv };
    const committedIndex = leaderBefore.commitIndex;
    simulation.runUntil(3400);
    expect(servers(simulation).every((node) => node.status === 'crashed')).toBe(true);
    simulation.runUntil(5500);
    const after = servers(simulation);
    const leader = after.find((node) => node.state.role === 'leader')?.state as RaftServerState;
    expect(leader.commitIndex).toBeGreaterThan(committedIndex);
    for (const key of Object.keys(committedKv)) expect(leader.kv[key]).toBeDefined();
    for (const node of after) expect(node.state.lastApplied).toBeGreaterThan(committedIndex);
    expectAllCheckersGreen(simulation);
  });

  it('agreement on an unreliable network: 10% loss each way, 0–27 ms delay', () => {
    const simulation = raft({ network: { latencyMs: 0, jitterMs: 27, lossRatio: 0.1 }, workload: { clients: 3, requestIntervalMs: 50 } });
    simulation.runUntil(10_000);
    const states = servers(simulation).map((node) => node.state);
    expect(Math.min(...states.map((state) => state.commitIndex))).toBeGreaterThan(50);
    const completed = simulation.inspect().nodes.filter((node) => node.kind === 'client').reduce((sum, node) => sum + (node.state as RaftClientState).completed, 0);
    expect(completed).toBeGreaterThan(100);
    expectAllCheckersGreen(simulation);
  });

  it('leadership transfer hands the role to the chosen member within an election timeout', () => {
    const probe = raft({});
    probe.runUntil(1000);
    const leader = leaderOf(probe);
    const target = leader === 'n2' ? 'n3' : 'n2';
    const simulation = raft({ workload: { clients: 1 }, schedule: [{ at: 1000, type: 'transfer-leadership', node: '@leader', target }] as Action[] });
    simulation.runUntil(1300);
    expect(leaderOf(simulation)).toBe(target);
    expectAllCheckersGreen(simulation);
  });

  it('CheckQuorum: a leader cut off from its followers steps down within two election timeouts', () => {
    const probe = raft({});
    probe.runUntil(1000);
    const leader = leaderOf(probe);
    const simulation = raft({ variants: { checkQuorum: true }, schedule: [{ at: 1000, type: 'isolate', node: leader }] as Action[] });
    simulation.runUntil(1300);
    const old = servers(simulation).find((node) => node.id === leader)?.state as RaftServerState;
    expect(old.role).not.toBe('leader');
    expect(simulation.trace().some((event) => event.node === leader && event.detail?.startsWith('lost contact with a quorum'))).toBe(true);
    const without = raft({ schedule: [{ at: 1000, type: 'isolate', node: leader }] as Action[] });
    without.runUntil(1300);
    expect(leaders(without)).toContain(leader);
  });
});
