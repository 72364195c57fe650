/**
 * Client requests at a server (paper §8). The leader appends writes (and reads, on the log
 * read path) to its log and answers once they are applied; a retried request that was
 * already applied is answered from the session table. Other servers redirect to the leader
 * they know of, except that on the unsafe read path any server answers a read itself.
 */
import type { NodeContext } from '../../protocol';
import type { ParameterValues } from '../../parameters';
import { lastIndex, newEntry } from './log';
import { advanceCommitIndex } from './quorum';
import { leaderRead, replyRead } from './reads';
import { broadcastAppend } from './replication';
import { raftSettings } from './settings';
import type { ClientRequest, KvCommand, KvOperation, RaftMessage, RaftServerState } from './types';

type Context = NodeContext<RaftMessage>;

export function leaderHandleClientRequest(state: RaftServerState, from: string, request: ClientRequest, context: Context): void {
  const clientId = request.clientId;
  if (state.transferTarget !== null) {
    // Leadership is being handed over: refuse new work so the target can catch up (§3.10).
    context.send(from, { type: 'ClientReply', sequence: request.sequence, outcome: 'redirect', value: null, leaderHint: null });
    return;
  }
  if (clientId !== null) {
    if (request.f === 'get' && raftSettings(context.config).readPath !== 'log') {
      leaderRead(state, clientId, request, context);
      return;
    }
    const session = state.sessions[clientId];
    if (session !== undefined && request.sequence <= session.sequence) {
      // Already applied: answer from the session instead of applying twice (dissertation §6.3).
      if (request.sequence === session.sequence) {
        context.send(clientId, { type: 'ClientReply', sequence: request.sequence, outcome: session.outcome, value: session.value, leaderHint: context.nodeId });
      }
      return;
    }
  }
  propose(state, commandOf(request), context);
}

/** Appends a command to the leader's log and sends it on (Figure 2, Leaders). */
export function propose(state: RaftServerState, command: KvCommand, context: Context): void {
  state.log.push(newEntry(lastIndex(state) + 1, state.term, command));
  broadcastAppend(state, context, false);
  advanceCommitIndex(state, context);
}

export function redirectClientRequest(state: RaftServerState, from: string, request: ClientRequest, context: Context): void {
  if (request.f === 'get' && request.clientId !== null && raftSettings(context.config).readPath === 'unsafe-any-node') {
    replyRead(state, request.clientId, request.sequence, request.key, context);
    return;
  }
  if (request.clientId === null) {
    // A forwarded proposal reached a server that is no longer the leader: forward once more or drop.
    if (state.leaderHint !== null && state.leaderHint !== from) context.send(state.leaderHint, request);
    else context.note(`proposal dropped: no leader known`);
    return;
  }
  context.send(from, { type: 'ClientReply', sequence: request.sequence, outcome: 'redirect', value: null, leaderHint: state.leaderHint });
}

/**
 * A request proposed directly at a server from the lab (no client session, no history): the
 * leader appends it; another server forwards it to the leader it knows of.
 */
export function proposeAtServer(state: RaftServerState, input: ParameterValues, context: Context): void {
  const request: ClientRequest = {
    type: 'ClientRequest',
    clientId: null,
    sequence: 0,
    f: (input.f ?? 'put') as KvOperation,
    key: String(input.key ?? 'x'),
    value: input.f === 'get' ? null : String(input.value ?? ''),
    expected: input.expected === undefined || input.expected === '' ? null : String(input.expected),
  };
  if (state.role === 'leader') propose(state, commandOf(request), context);
  else if (state.leaderHint !== null) context.send(state.leaderHint, request);
  else context.note(`proposal dropped: no leader known`);
}

function commandOf(request: ClientRequest): KvCommand {
  return {
    type: 'kv',
    f: request.f,
    key: request.key,
    value: request.value,
    expected: request.expected,
    clientId: request.clientId,
    sequence: request.sequence,
  };
}
