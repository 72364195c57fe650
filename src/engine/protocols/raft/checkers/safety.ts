/**
 * The five safety properties of the Raft paper (Figure 3), checked after every event. Each
 * checker looks only at the node that just stepped and keeps a compact memory (leader per
 * term, a chain of (index, term) → previous term, the committed and applied entries), so an
 * event costs a few lookups, not a scan of every log.
 */
import type { CheckView, SafetyChecker } from '../../../protocol';
import { appendOnly } from '../../../core/plainData';
import { entryAt, lastIndex, snapshotIndex, termAt } from '../log';
import type { Command, RaftServerState, RaftState } from '../types';
import { changedServer, describeCommand, sameCommand } from './common';

type Checker = SafetyChecker<RaftState>;

interface ElectionMemory {
  /** term → the node that led it. */
  leaders: Record<string, string>;
}

/** §5.2: at most one leader can be elected in a given term. */
export const electionSafety: Checker = {
  name: 'Election Safety',
  description: 'At most one leader can be elected in a given term (Raft paper, Figure 3, §5.2).',
  init: () => ({ leaders: {} }),
  check(memory, view) {
    const changed = changedServer(view);
    if (changed === null || changed.state.role !== 'leader') return null;
    const leaders = (memory as unknown as ElectionMemory).leaders;
    const term = changed.state.term;
    const known = leaders[term];
    if (known === undefined) {
      leaders[term] = changed.id;
      return null;
    }
    return known === changed.id ? null : `${known} and ${changed.id} were both leaders in term ${term}`;
  },
};

interface AppendOnlyMemory {
  /** node → what it held as leader at the last check. */
  leaders: Record<string, { term: number; lastIndex: number; lastTerm: number; truncated: number }>;
}

/** §5.3: a leader never overwrites or deletes entries in its log; it only appends. */
export const leaderAppendOnly: Checker = {
  name: 'Leader Append-Only',
  description: 'A leader never overwrites or deletes entries in its log; it only appends new entries (Figure 3, §5.3).',
  init: () => ({ leaders: {} }),
  check(memory, view) {
    const changed = changedServer(view);
    if (changed === null || changed.state.role !== 'leader') return null;
    const state = changed.state;
    const leaders = (memory as unknown as AppendOnlyMemory).leaders;
    const last = lastIndex(state);
    const record = leaders[changed.id];
    let violation: string | null = null;
    if (record !== undefined && record.term === state.term) {
      const termThen = termAt(state, record.lastIndex);
      if (last < record.lastIndex || state.truncatedEntries > record.truncated) {
        violation = `leader ${changed.id} of term ${state.term} deleted entries (its log ended at ${record.lastIndex}, now ${last})`;
      } else if (termThen !== -1 && termThen !== record.lastTerm) {
        violation = `leader ${changed.id} of term ${state.term} overwrote entry ${record.lastIndex} (term ${record.lastTerm} → ${termThen})`;
      }
    }
    if (record === undefined) {
      leaders[changed.id] = { term: state.term, lastIndex: last, lastTerm: termAt(state, last), truncated: state.truncatedEntries };
    } else {
      record.term = state.term;
      record.lastIndex = last;
      record.lastTerm = termAt(state, last);
      record.truncated = state.truncatedEntries;
    }
    return violation;
  },
};

/** Frozen once made, so checkpoints share links instead of copying them. */
interface ChainLink {
  term: number;
  previousTerm: number;
  command: Command;
}

interface LogMatchingMemory {
  /** index → the first entry seen there anywhere: its term, the previous entry's term, its command. */
  chain: Array<ChainLink | null>;
  /** "index:term" → the same for other terms at an index (conflicting entries; rare). */
  others: Record<string, ChainLink>;
  /** node → the last index verified and its term. */
  verified: Record<string, { index: number; term: number }>;
}

/**
 * §5.3: if two logs hold an entry with the same index and term, they are identical up to it.
 * By induction it suffices that every (index, term) always carries the same command and the
 * same previous term. Logs change only at their tail, so each event verifies from the last
 * verified entry onward (from the start again when that entry changed).
 */
export const logMatching: Checker = {
  name: 'Log Matching',
  description: 'If two logs contain an entry with the same index and term, the logs are identical in all entries up through that index (Figure 3, §5.3).',
  init: () => ({ chain: appendOnly([]), others: {}, verified: {} }),
  check(memory, view) {
    const changed = changedServer(view);
    if (changed === null) return null;
    const logMemory = memory as unknown as LogMatchingMemory;
    const verified = logMemory.verified;
    const state = changed.state;
    const base = snapshotIndex(state);
    const last = lastIndex(state);
    let record = verified[changed.id];
    if (record === undefined) verified[changed.id] = record = { index: 0, term: 0 };
    if (record.index === last && record.term === termAt(state, last)) return null;
    const unchanged = record.index >= base && record.index <= last && termAt(state, record.index) === record.term;
    let violation: string | null = null;
    for (let index = unchanged ? record.index + 1 : base + 1; index <= last && violation === null; index++) {
      violation = verifyLink(logMemory, changed.id, state, index);
    }
    record.index = last;
    record.term = termAt(state, last);
    return violation;
  },
};

function verifyLink(memory: LogMatchingMemory, node: string, state: RaftServerState, index: number): string | null {
  const entry = entryAt(state, index);
  if (entry === undefined) return null;
  const previousTerm = termAt(state, index - 1);
  let link = memory.chain[index] ?? null;
  if (link === null) {
    memory.chain = setAppendOnly(memory.chain, index, Object.freeze({ term: entry.term, previousTerm, command: entry.command }));
    return null;
  }
  if (link.term !== entry.term) {
    const key = `${index}:${entry.term}`;
    const other = memory.others[key];
    if (other === undefined) {
      memory.others[key] = Object.freeze({ term: entry.term, previousTerm, command: entry.command });
      return null;
    }
    link = other;
  }
  if (link.previousTerm !== previousTerm) {
    return `${node} holds entry ${index} of term ${entry.term} after an entry of term ${previousTerm}; another log has it after term ${link.previousTerm}`;
  }
  if (!sameCommand(link.command, entry.command)) {
    return `${node} holds entry ${index} of term ${entry.term} as "${describeCommand(entry.command)}"; another log has "${describeCommand(link.command)}"`;
  }
  return null;
}

/** The arrays only grow (appendOnly), so checkpoints share them. */
interface CompletenessMemory {
  /** index → term of the committed entry (-1 when it was compacted before it could be read). */
  committedTerms: number[];
  /** index → the term in which the commit was first observed. */
  committedIn: number[];
  /** node → the term whose leadership was last checked. */
  checkedLeaders: Record<string, number>;
}

/** §5.4: an entry committed in a term is present in the logs of the leaders of all higher terms. */
export const leaderCompleteness: Checker = {
  name: 'Leader Completeness',
  description: 'If a log entry is committed in a given term, it is present in the logs of the leaders for all higher-numbered terms (Figure 3, §5.4).',
  init: () => ({ committedTerms: appendOnly([0]), committedIn: appendOnly([0]), checkedLeaders: {} }),
  check(memory, view) {
    const changed = changedServer(view);
    if (changed === null) return null;
    const completeness = memory as unknown as CompletenessMemory;
    const state = changed.state;
    const known = completeness.committedTerms.length - 1;
    let violation: string | null = null;
    if (state.commitIndex > known) {
      for (let index = known + 1; index <= state.commitIndex; index++) {
        completeness.committedTerms.push(termAt(state, index));
        completeness.committedIn.push(state.term);
      }
      violation = checkCurrentLeaders(completeness, view, known + 1);
    }
    if (violation === null && state.role === 'leader' && completeness.checkedLeaders[changed.id] !== state.term) {
      completeness.checkedLeaders[changed.id] = state.term;
      violation = missingCommitted(completeness, changed.id, state, snapshotIndex(state) + 1);
    }
    return violation;
  },
};

/** Newly committed entries must already be in every live leader of a later term. */
function checkCurrentLeaders(memory: CompletenessMemory, view: CheckView<RaftState>, from: number): string | null {
  for (const node of view.nodes) {
    const state = node.state;
    if (state === null || state.kind !== 'server' || state.role !== 'leader') continue;
    const violation = missingCommitted(memory, node.id, state, Math.max(from, snapshotIndex(state) + 1));
    if (violation !== null) return violation;
  }
  return null;
}

function missingCommitted(memory: CompletenessMemory, leader: string, state: RaftServerState, from: number): string | null {
  for (let index = from; index < memory.committedTerms.length; index++) {
    const committedTerm = memory.committedTerms[index] as number;
    const committedIn = memory.committedIn[index] as number;
    if (committedTerm < 0 || committedIn >= state.term) continue;
    const held = termAt(state, index);
    if (held !== committedTerm) {
      return `leader ${leader} of term ${state.term} lacks entry ${index} (term ${committedTerm}) committed in term ${committedIn}${held === -1 ? '' : `; it holds term ${held} there`}`;
    }
  }
  return null;
}

interface AppliedMemory {
  /** index → the first entry any server applied there (the log entry itself: entries are frozen). */
  applied: Array<{ term: number; command: Command } | null>;
  /** node → lastApplied at its last check. */
  checked: Record<string, number>;
}

/** §5.4.3: once a server applies an entry at an index, no server applies a different entry there. */
export const stateMachineSafety: Checker = {
  name: 'State Machine Safety',
  description: 'If a server has applied a log entry at a given index to its state machine, no other server will ever apply a different log entry for the same index (Figure 3, §5.4.3).',
  init: () => ({ applied: appendOnly([null]), checked: {} }),
  check(memory, view) {
    const changed = changedServer(view);
    if (changed === null) return null;
    const appliedMemory = memory as unknown as AppliedMemory;
    const checked = appliedMemory.checked;
    let applied = appliedMemory.applied;
    const state = changed.state;
    // After a restart lastApplied falls back and the entries are applied again; check them again.
    const through = Math.min(checked[changed.id] ?? 0, state.lastApplied);
    let violation: string | null = null;
    for (let index = Math.max(through, snapshotIndex(state)) + 1; index <= state.lastApplied && violation === null; index++) {
      const entry = entryAt(state, index);
      if (entry === undefined) continue;
      const first = applied[index];
      if (first === null || first === undefined) applied = appliedMemory.applied = setAppendOnly(applied, index, entry);
      else if (first.term !== entry.term || !sameCommand(first.command, entry.command)) {
        violation = `${changed.id} applied entry ${index} of term ${entry.term} ("${describeCommand(entry.command)}"), but entry ${index} of term ${first.term} ("${describeCommand(first.command)}") was applied there before`;
      }
    }
    checked[changed.id] = state.lastApplied;
    return violation;
  },
};

/**
 * Sets position `index` of an append-only array of links (null where none is known yet) and
 * returns the array to keep. Past the end it grows the array; filling an earlier gap (left by
 * a snapshot that skipped indexes) replaces the array, because checkpoints share its prefix.
 */
function setAppendOnly<T>(items: (T | null)[], index: number, value: T): (T | null)[] {
  if (index < items.length) {
    const copy = appendOnly(items.slice());
    copy[index] = value;
    return copy;
  }
  while (items.length < index) items.push(null);
  items.push(value);
  return items;
}

export function raftSafetyCheckers(): Checker[] {
  return [electionSafety, leaderAppendOnly, logMatching, leaderCompleteness, stateMachineSafety];
}
