/**
 * The Raft protocol module: wires the state machine (roles, election, replication, reads,
 * membership, snapshots, transfer), the clients and the checkers into the engine's contract.
 */
import type { PlainData } from '../../core/plainData';
import type { CheckView, ModuleConfig, NodeContext, ProtocolModule } from '../../protocol';
import type { ParameterValues } from '../../parameters';
import { raftLivenessCheckers } from './checkers/liveness';
import { raftSafetyCheckers } from './checkers/safety';
import { clientState, onClientInput, onClientReply, onRetryTimer, onWorkloadTimer } from './client';
import { describeMessage, messageSize } from './describe';
import { proposeMembershipChange } from './membership';
import { proposeAtServer } from './requests';
import { serverState, type PersistentServerState } from './roles';
import { RAFT_PARAMETERS, RAFT_REQUEST, RAFT_VARIANTS, RAFT_WORKLOAD, raftSettings } from './settings';
import { serverTimer, stepServer } from './step';
import { startLeadershipTransfer } from './transfer';
import type { Entry, RaftClientState, RaftMessage, RaftServerState, RaftState } from './types';
import { linearizabilityChecker } from '../../checkers/linearizability';

type Context = NodeContext<RaftMessage>;

const EMPTY_PERSISTENT: PersistentServerState = { currentTerm: 0, votedFor: null, log: [], snapshot: null };

/** The up server that leads the highest term, or null. */
export function currentLeader(view: CheckView<RaftState>): string | null {
  let best: string | null = null;
  let bestTerm = -1;
  for (const node of view.nodes) {
    const state = node.state;
    if (node.status !== 'up' || state === null || state.kind !== 'server' || state.role !== 'leader') continue;
    if (state.term > bestTerm) {
      best = node.id;
      bestTerm = state.term;
    }
  }
  return best;
}

function firstFollower(view: CheckView<RaftState>): string | null {
  for (const node of view.nodes) {
    const state = node.state;
    if (node.status === 'up' && state !== null && state.kind === 'server' && state.role === 'follower' && state.members.includes(node.id)) return node.id;
  }
  return null;
}

function runModuleAction(state: RaftServerState, type: string, args: ParameterValues, context: Context): void {
  let refusal: string | null;
  if (type === 'add-server' || type === 'remove-server') {
    refusal = proposeMembershipChange(state, type === 'add-server' ? 'add' : 'remove', String(args.server ?? ''), context);
  } else if (type === 'transfer-leadership') {
    refusal = startLeadershipTransfer(state, String(args.target ?? ''), context);
  } else {
    refusal = `unknown action ${type}`;
  }
  if (refusal !== null) context.note(`${type} refused: ${refusal}`);
}

function summarize(view: CheckView<RaftState>): Record<string, PlainData> {
  let term = 0;
  let commitIndex = 0;
  let completed = 0;
  let gaveUp = 0;
  for (const node of view.nodes) {
    const state = node.state;
    if (state === null) continue;
    if (state.kind === 'server') {
      term = Math.max(term, state.term);
      commitIndex = Math.max(commitIndex, state.commitIndex);
    } else {
      completed += state.completed;
      gaveUp += state.gaveUp;
    }
  }
  return { leader: currentLeader(view), term, commitIndex, operationsCompleted: completed, operationsAbandoned: gaveUp };
}

export const raftModule: ProtocolModule<RaftState, RaftMessage> = {
  name: 'raft',
  title: 'Raft',
  description:
    'Raft consensus: leader election, log replication and a replicated key-value store, with PreVote, CheckQuorum, read paths, snapshots, membership change and leadership transfer; the five safety properties are checked after every event.',
  // The lab draws up to 15 servers; headless runs take more (quorum work grows with the cluster).
  nodes: { minimum: 1, maximum: 51, default: 5 },
  parameters: RAFT_PARAMETERS,
  variants: RAFT_VARIANTS,
  workload: RAFT_WORKLOAD,
  request: RAFT_REQUEST,
  actions: {
    'add-server': {
      description: 'Add a server to the configuration (single-server change, dissertation §4.1). Target the leader.',
      args: { server: { kind: 'text', label: 'Server', default: 'n4', maximumLength: 8 } },
    },
    'remove-server': {
      description: 'Remove a server from the configuration. Target the leader.',
      args: { server: { kind: 'text', label: 'Server', default: 'n1', maximumLength: 8 } },
    },
    'transfer-leadership': {
      description: 'Hand leadership to another member with TimeoutNow (dissertation §3.10). Target the leader.',
      args: { target: { kind: 'text', label: 'Target', default: 'n2', maximumLength: 8 } },
    },
  },
  clientCount: (config: ModuleConfig) => raftSettings(config).clients,
  selectors: { leader: currentLeader, follower: firstFollower },
  forceableTimer: 'election',

  createNode(context) {
    return context.kind === 'client' ? clientState(context) : serverState(EMPTY_PERSISTENT, context);
  },
  onMessage(state, from, message, context) {
    if (state.kind === 'server') stepServer(state, from, message, context);
    else if (message.type === 'ClientReply') onClientReply(state, from, message, context);
  },
  onTimer(state, key, context) {
    if (state.kind === 'server') serverTimer(state, key, context);
    else if (key === 'request') onWorkloadTimer(state, context);
    else if (key === 'retry') onRetryTimer(state, context);
  },
  onClientRequest(state, request, context) {
    if (state.kind === 'client') onClientInput(state, request, context);
    else proposeAtServer(state, request, context);
  },
  onAction(state, type, args, context) {
    if (state.kind === 'server') runModuleAction(state, type, args, context);
    else context.note(`${type} refused: ${context.nodeId} is a client`);
  },
  persistentState(state): PlainData {
    if (state.kind === 'client') return { nextSequence: state.nextSequence };
    // Figure 2: currentTerm, votedFor and log[] are persistent; so is the snapshot (§7).
    return { currentTerm: state.term, votedFor: state.votedFor, log: state.log, snapshot: state.snapshot } as unknown as PlainData;
  },
  restart(persistent, context) {
    if (context.kind === 'client') {
      const client: RaftClientState = clientState(context);
      // A restarted client keeps numbering forward so the servers' sessions never see a sequence twice.
      client.nextSequence = (persistent as { nextSequence?: number } | null)?.nextSequence ?? 1;
      return client;
    }
    return serverState((persistent as unknown as PersistentServerState | null) ?? EMPTY_PERSISTENT, context);
  },

  frameState(value, _part, limit) {
    // Live views see the log's tail: `logOffset` is the index just before log[0] (at least
    // the snapshot's last index). The whole log stays in inspect() without `compact`.
    const server = value as { log?: readonly Entry[] };
    if (!Array.isArray(server.log) || server.log.length <= limit) return { ...server };
    const tail = server.log.slice(-limit);
    return { ...server, log: tail, logOffset: (tail[0] as Entry).index - 1, logLength: server.log.length };
  },
  messageType: (message) => message.type,
  messageSize,
  describeMessage,

  safetyCheckers: () => raftSafetyCheckers(),
  livenessCheckers: (config) => raftLivenessCheckers(config),
  historyCheckers: () => [linearizabilityChecker()],
  summarize,
};
