/**
 * How Raft messages look in the trace, the diagram and the inspector: a type name for
 * colouring, an approximate size for bytes-on-the-wire, and a short label.
 */
import { describeCommand } from './checkers/common';
import type { Entry, RaftMessage } from './types';

function describeEntries(entries: readonly Entry[]): string {
  if (entries.length === 0) return '[]';
  const shown = entries.slice(0, 3).map((entry) => `${entry.index}/${entry.term} ${describeCommand(entry.command)}`);
  return `[${shown.join(', ')}${entries.length > 3 ? `, … ${entries.length - 3} more` : ''}]`;
}

export function describeMessage(message: RaftMessage): string {
  switch (message.type) {
    case 'RequestVote':
    case 'PreVote':
      return `${message.type} t${message.term} last=${message.lastLogIndex}/${message.lastLogTerm}${message.transfer ? ' transfer' : ''}`;
    case 'RequestVoteResponse':
    case 'PreVoteResponse':
      return `${message.type} t${message.term} ${message.voteGranted ? 'granted' : 'rejected'}`;
    case 'AppendEntries':
      return `AppendEntries t${message.term} prev=${message.prevLogIndex}/${message.prevLogTerm} ${describeEntries(message.entries)} commit=${message.leaderCommit}`;
    case 'AppendEntriesResponse':
      return message.success
        ? `AppendEntriesResponse t${message.term} ok match=${message.matchIndex}`
        : `AppendEntriesResponse t${message.term} reject prev=${message.matchIndex} hint=${message.conflictIndex}/${message.conflictTerm}`;
    case 'InstallSnapshot':
      return `InstallSnapshot t${message.term} through ${message.snapshot.lastIncludedIndex}/${message.snapshot.lastIncludedTerm}`;
    case 'InstallSnapshotResponse':
      return `InstallSnapshotResponse t${message.term} match=${message.matchIndex}`;
    case 'TimeoutNow':
      return `TimeoutNow t${message.term}`;
    case 'ClientRequest': {
      const who = message.clientId === null ? 'proposal' : `${message.clientId}#${message.sequence}`;
      const operand = message.f === 'get' ? '' : message.f === 'cas' ? ` ${message.expected ?? '∅'}→${message.value ?? ''}` : ` ${message.value ?? ''}`;
      return `ClientRequest ${who} ${message.f} ${message.key}${operand}`;
    }
    case 'ClientReply':
      return `ClientReply #${message.sequence} ${message.outcome}${message.outcome === 'redirect' ? ` to ${message.leaderHint ?? '?'}` : ` ${message.value ?? 'nil'}`}`;
  }
}

const ENTRY_BYTES = 24;

/** Header-sized estimates plus the payload that grows: entries, snapshot contents, values. */
export function messageSize(message: RaftMessage): number {
  switch (message.type) {
    case 'AppendEntries':
      return 48 + message.entries.length * ENTRY_BYTES;
    case 'InstallSnapshot': {
      let size = 48;
      for (const key in message.snapshot.kv) size += key.length + (message.snapshot.kv[key] as string).length + 8;
      return size;
    }
    case 'ClientRequest':
      return 32 + message.key.length + (message.value?.length ?? 0) + (message.expected?.length ?? 0);
    case 'ClientReply':
      return 24 + (message.value?.length ?? 0);
    default:
      return 32;
  }
}
