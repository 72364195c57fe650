/**
 * The replicated key-value state machine: put, get, append and compare-and-set over string
 * values, with a session table so a retried write is applied once (dissertation §6.3: each
 * client has one operation outstanding, so the latest sequence number per client suffices).
 */
import { invariantBroken } from '../../core/assert';
import type { NodeContext } from '../../protocol';
import { entryAt } from './log';
import type { KvCommand, RaftMessage, RaftServerState, Session } from './types';

export interface ApplyResult {
  outcome: 'ok' | 'fail';
  value: string | null;
}

/** Applies one client command; a duplicate (sequence already applied) returns the recorded result. */
export function applyKvCommand(kv: Record<string, string>, sessions: Record<string, Session>, command: KvCommand): ApplyResult {
  if (command.clientId !== null) {
    const session = sessions[command.clientId];
    if (session !== undefined && command.sequence <= session.sequence) {
      // Invariant: a client's sequence numbers only grow; an older one is a stale retry nobody waits for.
      return { outcome: session.outcome, value: session.value };
    }
  }
  const result = execute(kv, command);
  if (command.clientId !== null) {
    const session = sessions[command.clientId];
    if (session === undefined) sessions[command.clientId] = { sequence: command.sequence, outcome: result.outcome, value: result.value };
    else {
      session.sequence = command.sequence;
      session.outcome = result.outcome;
      session.value = result.value;
    }
  }
  return result;
}

function execute(kv: Record<string, string>, command: KvCommand): ApplyResult {
  const current = kv[command.key] ?? null;
  switch (command.f) {
    case 'put':
      kv[command.key] = command.value ?? '';
      return { outcome: 'ok', value: command.value };
    case 'get':
      return { outcome: 'ok', value: current };
    case 'append':
      kv[command.key] = (current ?? '') + (command.value ?? '');
      return { outcome: 'ok', value: command.value };
    case 'cas':
      if (current !== command.expected) return { outcome: 'fail', value: current };
      kv[command.key] = command.value ?? '';
      return { outcome: 'ok', value: command.value };
  }
}

/**
 * Applies every committed entry not yet applied (Figure 2, "Rules for all servers": if
 * commitIndex > lastApplied, apply log[lastApplied + 1]). The leader answers the client whose
 * command it applied; followers stay silent.
 */
export function applyCommitted(state: RaftServerState, context: NodeContext<RaftMessage>): void {
  while (state.lastApplied < state.commitIndex) {
    const index = state.lastApplied + 1;
    const entry = entryAt(state, index);
    // Invariant: entries above the snapshot and at or below commitIndex are in the log.
    if (entry === undefined) invariantBroken(`${context.nodeId} cannot apply ${index}: not in its log`);
    state.lastApplied = index;
    const command = entry.command;
    if (command.type !== 'kv') continue;
    const result = applyKvCommand(state.kv, state.sessions, command);
    if (state.role === 'leader' && command.clientId !== null) {
      context.send(command.clientId, { type: 'ClientReply', sequence: command.sequence, outcome: result.outcome, value: result.value, leaderHint: context.nodeId });
    }
  }
}

export function copySessions(sessions: Record<string, Session>): Record<string, Session> {
  const copy: Record<string, Session> = {};
  for (const clientId in sessions) {
    const session = sessions[clientId] as Session;
    copy[clientId] = { sequence: session.sequence, outcome: session.outcome, value: session.value };
  }
  return copy;
}
