/**
 * The replicated log with a compacted prefix. Entries up to `snapshotIndex` live only in the
 * snapshot; `log[k]` holds index snapshotIndex + 1 + k. Index 0 is the empty prefix, term 0.
 *
 * Invariant: log[k].index === snapshotIndex(state) + 1 + k, and terms never decrease along the log.
 */
import { appendOnly } from '../../core/plainData';
import type { Command, Entry, RaftServerState } from './types';

/** Shared by every empty heartbeat: messages are immutable, so one array serves them all. */
export const NO_ENTRIES: readonly Entry[] = Object.freeze([]) as readonly Entry[];

export function snapshotIndex(state: RaftServerState): number {
  return state.snapshot === null ? 0 : state.snapshot.lastIncludedIndex;
}

export function snapshotTerm(state: RaftServerState): number {
  return state.snapshot === null ? 0 : state.snapshot.lastIncludedTerm;
}

export function lastIndex(state: RaftServerState): number {
  return snapshotIndex(state) + state.log.length;
}

export function lastTerm(state: RaftServerState): number {
  const log = state.log;
  return log.length === 0 ? snapshotTerm(state) : (log[log.length - 1] as Entry).term;
}

/** The term of the entry at `index`, or -1 when the log does not hold it (compacted away or beyond the end). */
export function termAt(state: RaftServerState, index: number): number {
  const offset = snapshotIndex(state);
  if (index === offset) return snapshotTerm(state);
  if (index < offset || index > offset + state.log.length) return -1;
  return (state.log[index - offset - 1] as Entry).term;
}

/** The entry at `index`; undefined when compacted or beyond the end. */
export function entryAt(state: RaftServerState, index: number): Entry | undefined {
  return state.log[index - snapshotIndex(state) - 1];
}

/** Entries in [from, to], both inclusive; from must be above the snapshot. */
export function entriesBetween(state: RaftServerState, from: number, to: number): Entry[] {
  const offset = snapshotIndex(state);
  return state.log.slice(from - offset - 1, to - offset);
}

/**
 * Removes every entry at `index` and after (a conflicting suffix, paper §5.3). The log is
 * append-only (checkpoints keep a prefix of it by reference), so the kept part is a new array.
 */
export function truncateFrom(state: RaftServerState, index: number): void {
  const keep = index - snapshotIndex(state) - 1;
  state.truncatedEntries += state.log.length - keep;
  state.log = appendOnly(state.log.slice(0, keep));
}

/** Election restriction (§5.4.1): is a log ending at (lastLogIndex, lastLogTerm) at least as up to date as ours? */
export function isUpToDate(state: RaftServerState, lastLogIndex: number, lastLogTerm: number): boolean {
  const ourTerm = lastTerm(state);
  return lastLogTerm > ourTerm || (lastLogTerm === ourTerm && lastLogIndex >= lastIndex(state));
}

/** The first index of `term` in our log at or before `index` (conflict hint for fast backtracking). */
export function firstIndexOfTerm(state: RaftServerState, term: number, index: number): number {
  const offset = snapshotIndex(state);
  let first = index;
  while (first - 1 > offset && termAt(state, first - 1) === term) first--;
  return first;
}

/** The last index holding `term` in our log, or -1 (the leader's side of fast backtracking). */
export function lastIndexOfTerm(state: RaftServerState, term: number): number {
  const offset = snapshotIndex(state);
  for (let index = lastIndex(state); index > offset; index--) {
    const entryTerm = termAt(state, index);
    if (entryTerm === term) return index;
    if (entryTerm < term) return -1;
  }
  return -1;
}

/**
 * A new log entry, frozen: entries never change once made, travel in messages shared with the
 * sender's log, and (being frozen) are shared rather than copied by checkpoints.
 */
export function newEntry(index: number, term: number, command: Command): Entry {
  if (command.type === 'config') Object.freeze(command.members);
  return Object.freeze({ index, term, command: Object.freeze(command) });
}
