/**
 * Paper-rule tests in the style of etcd's raft_paper_test.go: one rule each, driven through
 * the module's own functions with a fake context, each citing the section of the Raft paper
 * (Ongaro & Ousterhout 2014) or of Ongaro's dissertation it checks. Init / act / check.
 */
import { describe, expect, it } from 'vitest';
import { moduleConfig } from '../../index';
import { Prng } from '../../core/prng';
import type { NodeContext } from '../../protocol';
import { raftModule } from './module';
import type { Entry, RaftMessage, RaftServerState, VoteRequest } from './types';

interface Sent {
  to: string;
  message: RaftMessage;
}

interface FakeNode {
  state: RaftServerState;
  context: NodeContext<RaftMessage>;
  sent: Sent[];
  timers: Record<string, number>;
  notes: string[];
  time: { now: number };
}

function fakeNode(id: string, options: { nodes?: number; params?: Record<string, number>; variants?: Record<string, boolean | string> } = {}): FakeNode {
  const nodes = options.nodes ?? 3;
  const config = moduleConfig(raftModule, { version: 1, module: 'raft', seed: 1, nodes, params: options.params, variants: options.variants, workload: { clients: 0 } });
  const serverIds = Array.from({ length: nodes }, (_, index) => `n${index + 1}`);
  const sent: Sent[] = [];
  const timers: Record<string, number> = {};
  const notes: string[] = [];
  const time = { now: 0 };
  const context: NodeContext<RaftMessage> = {
    nodeId: id,
    kind: 'server',
    serverIds,
    clientIds: [],
    config,
    random: new Prng(7, id),
    workloadRandom: new Prng(7, `w${id}`),
    now: () => time.now,
    send: (to, message) => sent.push({ to, message }),
    setTimer: (key, delay) => (timers[key] = delay),
    cancelTimer: (key) => delete timers[key],
    note: (text) => notes.push(text),
    record: () => 0,
  };
  const state = raftModule.createNode(context) as RaftServerState;
  return { state, context, sent, timers, notes, time };
}

function deliver(node: FakeNode, from: string, message: RaftMessage): Sent[] {
  node.sent.length = 0;
  raftModule.onMessage(node.state, from, message, node.context);
  return node.sent.slice();
}

function fire(node: FakeNode, timer: string): Sent[] {
  node.sent.length = 0;
  raftModule.onTimer(node.state, timer, node.context);
  return node.sent.slice();
}

function entry(index: number, term: number): Entry {
  return { index, term, command: { type: 'kv', f: 'put', key: 'x', value: `${index}/${term}`, expected: null, clientId: null, sequence: 0 } };
}

function withLog(node: FakeNode, terms: number[], currentTerm = terms[terms.length - 1] ?? 0): FakeNode {
  node.state.log = terms.map((term, position) => entry(position + 1, term));
  node.state.term = currentTerm;
  return node;
}

function append(term: number, prevLogIndex: number, prevLogTerm: number, entries: Entry[], leaderCommit = 0): RaftMessage {
  return { type: 'AppendEntries', term, leaderId: 'n1', prevLogIndex, prevLogTerm, entries, leaderCommit, round: 0, sentAt: 0 };
}

function electLeader(node: FakeNode): void {
  fire(node, 'election');
  for (const peer of node.context.serverIds) {
    if (peer !== node.context.nodeId) deliver(node, peer, { type: 'RequestVoteResponse', term: node.state.term, voteGranted: true });
  }
}

describe('Raft paper rules', () => {
  it('§5.1: a server that sees a higher term becomes a follower in that term', () => {
    const node = fakeNode('n1');
    electLeader(node);
    expect(node.state.role).toBe('leader');
    deliver(node, 'n2', append(5, 0, 0, []));
    expect(node.state.role).toBe('follower');
    expect(node.state.term).toBe(5);
    expect(node.state.leaderHint).toBe('n2');
  });

  it('§5.1: a request with a stale term is rejected and answered with the current term', () => {
    const node = withLog(fakeNode('n2'), [], 3);
    const replies = deliver(node, 'n1', append(2, 0, 0, [entry(1, 2)]));
    expect(replies).toEqual([{ to: 'n1', message: expect.objectContaining({ type: 'AppendEntriesResponse', term: 3, success: false }) }]);
    expect(node.state.log).toHaveLength(0);
  });

  it('§5.2: a follower whose election timeout fires becomes a candidate, votes for itself and asks every peer', () => {
    const node = fakeNode('n1');
    const sent = fire(node, 'election');
    expect(node.state.role).toBe('candidate');
    expect(node.state.term).toBe(1);
    expect(node.state.votedFor).toBe('n1');
    expect(sent.map((message) => [message.to, message.message.type])).toEqual([
      ['n2', 'RequestVote'],
      ['n3', 'RequestVote'],
    ]);
  });

  it('§5.2: election timeouts are drawn at random from [minimum, maximum]', () => {
    const delays = new Set<number>();
    for (const id of ['n1', 'n2', 'n3']) {
      const node = fakeNode(id, { params: { electionTimeoutMinimumMs: 150, electionTimeoutMaximumMs: 300 } });
      const delay = node.timers.election as number;
      expect(delay).toBeGreaterThanOrEqual(150_000);
      expect(delay).toBeLessThanOrEqual(300_000);
      delays.add(delay);
    }
    expect(delays.size).toBe(3);
  });

  it('§5.2: a candidate with votes from a majority becomes leader and sends AppendEntries', () => {
    const node = fakeNode('n1', { nodes: 5 });
    fire(node, 'election');
    deliver(node, 'n2', { type: 'RequestVoteResponse', term: 1, voteGranted: true });
    expect(node.state.role).toBe('candidate');
    const sent = deliver(node, 'n3', { type: 'RequestVoteResponse', term: 1, voteGranted: true });
    expect(node.state.role).toBe('leader');
    expect(sent.filter((message) => message.message.type === 'AppendEntries').map((message) => message.to)).toEqual(['n2', 'n3', 'n4', 'n5']);
  });

  it('§5.2: a server votes for at most one candidate in a term, first come first served', () => {
    const node = fakeNode('n3');
    const request: VoteRequest = { type: 'RequestVote', term: 1, lastLogIndex: 0, lastLogTerm: 0, transfer: false };
    expect(deliver(node, 'n1', request)[0]?.message).toMatchObject({ voteGranted: true });
    expect(deliver(node, 'n2', request)[0]?.message).toMatchObject({ voteGranted: false });
    expect(deliver(node, 'n1', request)[0]?.message).toMatchObject({ voteGranted: true });
    expect(node.state.votedFor).toBe('n1');
  });

  it('§5.2: a candidate that hears from a leader of its term returns to follower', () => {
    const node = fakeNode('n2');
    fire(node, 'election');
    deliver(node, 'n1', append(1, 0, 0, []));
    expect(node.state.role).toBe('follower');
    expect(node.state.leaderHint).toBe('n1');
  });

  it('§5.3: a follower refuses entries whose previous index and term do not match, with a conflict hint', () => {
    const node = withLog(fakeNode('n2'), [1, 1, 2, 2, 2], 3);
    const short = deliver(node, 'n1', append(3, 8, 3, [entry(9, 3)]));
    expect(short[0]?.message).toMatchObject({ success: false, conflictTerm: -1, conflictIndex: 6 });
    const mismatch = deliver(node, 'n1', append(3, 5, 3, [entry(6, 3)]));
    // The follower's entry 5 has term 2, which starts at index 3: the leader can skip the whole term.
    expect(mismatch[0]?.message).toMatchObject({ success: false, conflictTerm: 2, conflictIndex: 3 });
    expect(node.state.log).toHaveLength(5);
  });

  it('§5.3: a follower deletes a conflicting entry and all that follow it, then appends', () => {
    const node = withLog(fakeNode('n2'), [1, 1, 2, 2], 3);
    const reply = deliver(node, 'n1', append(3, 2, 1, [entry(3, 3)]));
    expect(reply[0]?.message).toMatchObject({ success: true, matchIndex: 3 });
    expect(node.state.log.map((held) => held.term)).toEqual([1, 1, 3]);
  });

  it('§5.3: an AppendEntries already applied is idempotent and does not truncate later entries', () => {
    const node = withLog(fakeNode('n2'), [1, 1, 1], 1);
    deliver(node, 'n1', append(1, 0, 0, [entry(1, 1)]));
    expect(node.state.log).toHaveLength(3);
  });

  it('§5.3: a follower sets commitIndex to min(leaderCommit, index of last new entry) and applies', () => {
    const node = withLog(fakeNode('n2'), [], 1);
    deliver(node, 'n1', append(1, 0, 0, [entry(1, 1), entry(2, 1)], 5));
    expect(node.state.commitIndex).toBe(2);
    expect(node.state.lastApplied).toBe(2);
    expect(node.state.kv.x).toBe('2/1');
  });

  it('§5.3: a leader commits a current-term entry once a majority stores it', () => {
    const node = fakeNode('n1', { nodes: 5 });
    electLeader(node);
    const noop = node.state.termStartIndex;
    deliver(node, 'n2', { type: 'AppendEntriesResponse', term: 1, success: true, matchIndex: noop, conflictTerm: 0, conflictIndex: 0, round: 0, sentAt: 0 });
    expect(node.state.commitIndex).toBe(0);
    deliver(node, 'n3', { type: 'AppendEntriesResponse', term: 1, success: true, matchIndex: noop, conflictTerm: 0, conflictIndex: 0, round: 0, sentAt: 0 });
    expect(node.state.commitIndex).toBe(noop);
  });

  it('§5.3: after a rejection the leader backs up nextIndex past the whole conflicting term', () => {
    const node = withLog(fakeNode('n1', { nodes: 3 }), [1, 1, 1, 4, 4, 5, 5, 6, 6, 6], 7);
    node.state.term = 7;
    electLeader(node);
    const sent = deliver(node, 'n2', { type: 'AppendEntriesResponse', term: 8, success: false, matchIndex: 11, conflictTerm: 2, conflictIndex: 4, round: 0, sentAt: 0 });
    // The leader has no entry of term 2, so it jumps straight to the follower's first index of term 2.
    expect(sent[0]?.message).toMatchObject({ type: 'AppendEntries', prevLogIndex: 3, prevLogTerm: 1 });
  });

  it('§5.4.1: a vote is refused to a candidate whose log is less up to date', () => {
    const node = withLog(fakeNode('n3'), [1, 2], 2);
    const olderTerm = deliver(node, 'n1', { type: 'RequestVote', term: 3, lastLogIndex: 5, lastLogTerm: 1, transfer: false });
    expect(olderTerm[0]?.message).toMatchObject({ voteGranted: false });
    const shorter = deliver(node, 'n2', { type: 'RequestVote', term: 4, lastLogIndex: 1, lastLogTerm: 2, transfer: false });
    expect(shorter[0]?.message).toMatchObject({ voteGranted: false });
    const upToDate = deliver(node, 'n2', { type: 'RequestVote', term: 5, lastLogIndex: 2, lastLogTerm: 2, transfer: false });
    expect(upToDate[0]?.message).toMatchObject({ voteGranted: true });
  });

  it('§5.4.1 (teaching bug): with voteWithoutLogCheck the stale candidate gets the vote', () => {
    const node = withLog(fakeNode('n3', { variants: { voteWithoutLogCheck: true } }), [1, 2], 2);
    const reply = deliver(node, 'n1', { type: 'RequestVote', term: 3, lastLogIndex: 1, lastLogTerm: 1, transfer: false });
    expect(reply[0]?.message).toMatchObject({ voteGranted: true });
  });

  it('§5.4.2: a leader does not commit an entry of an earlier term by counting replicas', () => {
    const node = withLog(fakeNode('n1', { nodes: 3 }), [1, 2], 3);
    electLeader(node);
    deliver(node, 'n2', { type: 'AppendEntriesResponse', term: 4, success: true, matchIndex: 2, conflictTerm: 0, conflictIndex: 0, round: 0, sentAt: 0 });
    expect(node.state.commitIndex).toBe(0);
    deliver(node, 'n2', { type: 'AppendEntriesResponse', term: 4, success: true, matchIndex: 3, conflictTerm: 0, conflictIndex: 0, round: 0, sentAt: 0 });
    expect(node.state.commitIndex).toBe(3);
  });

  it('§5.4.2 (teaching bug): with figure8Bug the earlier-term entry commits by counting alone', () => {
    const node = withLog(fakeNode('n1', { nodes: 3, variants: { figure8Bug: true } }), [1, 2], 3);
    electLeader(node);
    deliver(node, 'n2', { type: 'AppendEntriesResponse', term: 4, success: true, matchIndex: 2, conflictTerm: 0, conflictIndex: 0, round: 0, sentAt: 0 });
    expect(node.state.commitIndex).toBe(2);
  });

  it('§8: a new leader appends a no-op entry of its term', () => {
    const node = withLog(fakeNode('n1'), [1, 1], 1);
    electLeader(node);
    expect(node.state.log.at(-1)).toMatchObject({ index: 3, term: 2, command: { type: 'noop' } });
    expect(node.state.termStartIndex).toBe(3);
  });

  it('§5.1 (Figure 2): currentTerm, votedFor and the log persist; commitIndex and the role do not', () => {
    const node = withLog(fakeNode('n1'), [1, 1], 1);
    electLeader(node);
    node.state.commitIndex = 3;
    const saved = raftModule.persistentState(node.state);
    const persistent = saved as unknown as { currentTerm: number; votedFor: string; log: Entry[] };
    expect(persistent).toMatchObject({ currentTerm: 2, votedFor: 'n1' });
    expect(persistent.log).toHaveLength(3);
    const restarted = raftModule.restart(saved, node.context) as RaftServerState;
    expect(restarted).toMatchObject({ role: 'follower', term: 2, votedFor: 'n1', commitIndex: 0, lastApplied: 0 });
    expect(restarted.log).toHaveLength(3);
    expect(node.timers.election).toBeGreaterThan(0);
  });

  it('Dissertation §9.6: a pre-candidate does not raise its term, and peers that hear a leader refuse pre-votes', () => {
    const candidate = fakeNode('n1', { variants: { preVote: true } });
    const sent = fire(candidate, 'election');
    expect(candidate.state).toMatchObject({ role: 'precandidate', term: 0 });
    expect(sent[0]?.message).toMatchObject({ type: 'PreVote', term: 1 });
    const voter = fakeNode('n2', { variants: { preVote: true } });
    deliver(voter, 'n3', append(1, 0, 0, []));
    voter.time.now = 10_000;
    expect(deliver(voter, 'n1', { type: 'PreVote', term: 2, lastLogIndex: 0, lastLogTerm: 0, transfer: false })[0]?.message).toMatchObject({ voteGranted: false });
    expect(voter.state.term).toBe(1);
  });

  it('Dissertation §3.10: TimeoutNow makes a follower campaign at once', () => {
    const node = fakeNode('n2');
    deliver(node, 'n1', append(1, 0, 0, []));
    const sent = deliver(node, 'n1', { type: 'TimeoutNow', term: 1 });
    expect(node.state).toMatchObject({ role: 'candidate', term: 2 });
    expect(sent[0]?.message).toMatchObject({ type: 'RequestVote', transfer: true });
  });
});
