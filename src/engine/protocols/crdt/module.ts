/**
 * The CRDT module: replicas of one replicated data type that take operations while
 * partitioned and converge once they can talk, over state-based, delta-state or op-based
 * sync — or all three side by side (see state.ts) — with a naive last-writer-wins store for
 * comparison. Node state: CrdtReplicaState; messages: CrdtMessage.
 */
import type { PlainData } from '../../core/plainData';
import type { ProtocolModule } from '../../protocol';
import { crdtLivenessCheckers, crdtSafetyCheckers, divergence } from './checkers';
import { createReplica, describeOperation, issueOperation, onReplicaMessage, onReplicaTimer, restartReplica } from './node';
import type { CrdtMessage, CrdtReplicaState } from './state';
import { summarizeReplicas } from './summary';
import { CRDT_TYPE_NAMES, OPERATION_NAMES } from './types/index';
import { parseRequest } from './workload';

function describeMessage(message: CrdtMessage): string {
  switch (message.type) {
    case 'Gossip':
      return `state ${message.sizeBytes} B`;
    case 'Delta':
      return `${message.full ? 'full state' : 'delta'} up to #${message.sequence}, ${message.sizeBytes} B`;
    case 'DeltaAck':
      return `ack #${message.sequence}`;
    case 'Operations':
      return `${message.operations.length} op${message.operations.length === 1 ? '' : 's'} ${message.operations.map((operation) => `${operation.origin}:${operation.counter}`).join(' ')}`;
    case 'Version':
      return 'version vector';
    case 'NaiveGossip':
      return `naive store ${message.sizeBytes} B`;
  }
}

export const crdtModule: ProtocolModule<CrdtReplicaState, CrdtMessage> = {
  name: 'crdt',
  title: 'CRDTs',
  description:
    'Replicas of a conflict-free replicated data type take operations while partitioned and converge once they can talk again, over state-based, delta-state or operation-based sync, with bytes on the wire counted and a naive last-writer-wins store for comparison.',
  nodes: { minimum: 1, maximum: 64, default: 3 },
  parameters: {
    type: { kind: 'choice', label: 'Data type', default: 'or-set', options: CRDT_TYPE_NAMES, description: 'The replicated data type every replica runs.' },
    syncIntervalMs: { kind: 'integer', label: 'Sync interval', default: 100, minimum: 1, maximum: 60_000, unit: 'ms', description: 'Mean time between anti-entropy rounds (to one random peer).' },
    deltaBufferLimit: {
      kind: 'integer',
      label: 'Delta buffer',
      default: 32,
      minimum: 1,
      maximum: 10_000,
      description: 'Delta groups kept per replica; a peer that fell further behind gets the full state.',
    },
  },
  variants: {
    syncMode: {
      kind: 'choice',
      label: 'Sync mode',
      default: 'state',
      options: ['state', 'delta', 'op', 'all'],
      description: "How replicas spread updates; 'all' runs the three side by side on the same operations and network.",
    },
    garbageCollection: { kind: 'boolean', label: 'Collect stable tombstones', default: true },
    naiveStore: { kind: 'boolean', label: 'Naive LWW store alongside', default: false, description: 'A last-writer-wins key-value store using the local clocks, fed the same operations.' },
  },
  workload: {
    operationIntervalMs: { kind: 'integer', label: 'Operation interval', default: 300, minimum: 0, maximum: 60_000, unit: 'ms', description: 'Mean time between random operations per replica; 0 turns them off.' },
    stopAtMs: { kind: 'integer', label: 'Stop operations at', default: 5_000, minimum: 0, maximum: 86_400_000, unit: 'ms', description: "Random operations stop at this time on each replica's clock; 0 never stops." },
    elementCount: { kind: 'integer', label: 'Distinct elements', default: 5, minimum: 1, maximum: 12 },
  },
  request: {
    op: { kind: 'choice', label: 'Operation', default: 'increment', options: OPERATION_NAMES },
    element: { kind: 'text', label: 'Element or item', default: 'apple', maximumLength: 40 },
    amount: { kind: 'integer', label: 'Amount', default: 1, minimum: 1, maximum: 1_000, description: 'Counter step, cart quantity, or characters to delete.' },
    value: { kind: 'text', label: 'Register value', default: 'x', maximumLength: 200 },
    text: { kind: 'text', label: 'Text to insert', default: 'a', maximumLength: 200 },
    position: { kind: 'integer', label: 'Text position', default: 0, minimum: 0, maximum: 100_000 },
    price: { kind: 'integer', label: 'Price (cents)', default: 0, minimum: 0, maximum: 1_000_000, description: '0 keeps the current price.' },
  },
  actions: {},
  clientCount: () => 0,
  selectors: {
    'first-up': (view) => view.nodes.find((node) => node.kind === 'server' && node.status === 'up')?.id ?? null,
    diverged: (view) => /^(\S+)/.exec(divergence(view) ?? '')?.[1] ?? null,
  },
  forceableTimer: 'sync',

  createNode: createReplica,
  onMessage: onReplicaMessage,
  onTimer: onReplicaTimer,
  onClientRequest(state, request, context) {
    const operation = parseRequest(request);
    context.note(`request: ${describeOperation(operation)}`);
    issueOperation(state, operation, context);
  },
  // A replica writes its payload, version vector and operation log to disk before it acknowledges.
  persistentState: (state) => state as unknown as PlainData,
  restart: restartReplica,

  messageType: (message) => `${message.mode}:${message.type}`,
  messageSize: (message) => message.sizeBytes,
  describeMessage,

  safetyCheckers: crdtSafetyCheckers,
  livenessCheckers: crdtLivenessCheckers,
  summarize: summarizeReplicas,
};
