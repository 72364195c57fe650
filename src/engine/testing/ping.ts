/**
 * Ping: the engine's smallest protocol, used to test the engine apart from any real module
 * and as the simplest scenario in the gallery. Every server pings a random peer on a timer
 * and counts the pongs; clients send echo requests to a random server and record them in
 * the client history. With `deduplicate` off, a duplicated ping produces an unexpected pong
 * and the "Pongs answer pings" checker fires, which is how tests see a checker catch a fault.
 */
import type { PlainData } from '../core/plainData';
import type { CheckView, NodeContext, ProtocolModule } from '../protocol';

export type PingMessage =
  | { type: 'Ping'; nonce: number }
  | { type: 'Pong'; nonce: number }
  | { type: 'Echo'; requestId: number; value: string }
  | { type: 'EchoReply'; requestId: number; value: string };

export interface PingServerState {
  role: 'server';
  /** Persistent: survives crashes. */
  pingsSent: number;
  pingsReceived: number;
  pongsReceived: number;
  unexpectedPongs: number;
  outstanding: number[];
}

export interface PingClientState {
  role: 'client';
  nextRequestId: number;
  waitingFor: number | null;
  completed: number;
}

export type PingState = PingServerState | PingClientState;

function armPing(context: NodeContext<PingMessage>): void {
  const interval = (context.config.params.intervalMs as number) * 1000;
  context.setTimer('ping', interval / 2 + context.random.below(interval + 1));
}

function armRequest(context: NodeContext<PingMessage>): void {
  const interval = (context.config.workload.requestIntervalMs as number) * 1000;
  context.setTimer('request', interval / 2 + context.workloadRandom.below(interval + 1));
}

function serverState(pingsSent: number): PingServerState {
  return { role: 'server', pingsSent, pingsReceived: 0, pongsReceived: 0, unexpectedPongs: 0, outstanding: [] };
}

function onServerMessage(state: PingServerState, from: string, message: PingMessage, context: NodeContext<PingMessage>): void {
  switch (message.type) {
    case 'Ping':
      state.pingsReceived++;
      context.send(from, { type: 'Pong', nonce: message.nonce });
      return;
    case 'Pong': {
      const position = state.outstanding.indexOf(message.nonce);
      if (position >= 0) {
        removeAt(state.outstanding, position);
        state.pongsReceived++;
      } else if (!context.config.variants.deduplicate) {
        state.pongsReceived++;
        state.unexpectedPongs++;
        context.note(`unexpected pong ${message.nonce}`);
      }
      return;
    }
    case 'Echo':
      context.send(from, { type: 'EchoReply', requestId: message.requestId, value: message.value });
      return;
    case 'EchoReply':
      return;
  }
}

/** Removes one element in place (splice would allocate an array of the removed ones). */
function removeAt(items: number[], position: number): void {
  for (let index = position + 1; index < items.length; index++) items[index - 1] = items[index] as number;
  items.pop();
}

function onServerTimer(state: PingServerState, context: NodeContext<PingMessage>): void {
  const servers = context.serverIds;
  const self = servers.indexOf(context.nodeId);
  if (servers.length > 1) {
    // Server ids are n1..nN in order, so the node's number is its position plus one.
    const nonce = state.pingsSent++ * 1000 + self + 1;
    state.outstanding.push(nonce);
    if (state.outstanding.length > 16) state.outstanding.shift();
    // A uniformly chosen peer other than this node, without building the list of peers.
    const drawn = context.random.below(servers.length - 1);
    context.send(servers[drawn >= self ? drawn + 1 : drawn] as string, { type: 'Ping', nonce });
  }
  armPing(context);
}

function sendEcho(state: PingClientState, context: NodeContext<PingMessage>, value: string): void {
  if (state.waitingFor !== null) {
    context.record('info', 'echo', null, value);
  }
  const requestId = state.nextRequestId++;
  state.waitingFor = requestId;
  context.record('invoke', 'echo', null, value);
  context.send(context.workloadRandom.pick(context.serverIds), { type: 'Echo', requestId, value });
}

export const pingModule: ProtocolModule<PingState, PingMessage> = {
  name: 'ping',
  title: 'Ping',
  description: 'The smallest protocol: servers ping random peers and count pongs; clients send echo requests.',
  nodes: { minimum: 1, maximum: 50, default: 3 },
  parameters: {
    intervalMs: { kind: 'integer', label: 'Ping interval', default: 100, minimum: 1, maximum: 60_000, unit: 'ms' },
  },
  variants: {
    deduplicate: { kind: 'boolean', label: 'Ignore unexpected pongs', default: true },
  },
  workload: {
    clients: { kind: 'integer', label: 'Clients', default: 1, minimum: 0, maximum: 10 },
    requestIntervalMs: { kind: 'integer', label: 'Request interval', default: 200, minimum: 1, maximum: 60_000, unit: 'ms' },
  },
  request: {
    value: { kind: 'text', label: 'Value', default: 'hello', maximumLength: 200 },
  },
  actions: {},
  clientCount: (config) => config.workload.clients as number,
  selectors: {
    'first-up': (view) => view.nodes.find((node) => node.kind === 'server' && node.status === 'up')?.id ?? null,
  },
  forceableTimer: 'ping',

  createNode(context) {
    if (context.kind === 'client') {
      armRequest(context);
      return { role: 'client', nextRequestId: 1, waitingFor: null, completed: 0 };
    }
    armPing(context);
    return serverState(0);
  },
  onMessage(state, from, message, context) {
    if (state.role === 'server') {
      onServerMessage(state, from, message, context);
    } else if (message.type === 'EchoReply' && message.requestId === state.waitingFor) {
      state.waitingFor = null;
      state.completed++;
      context.record('ok', 'echo', null, message.value);
    }
  },
  onTimer(state, key, context) {
    if (state.role === 'server') {
      onServerTimer(state, context);
    } else if (key === 'request') {
      sendEcho(state, context, `v${state.nextRequestId}`);
      armRequest(context);
    }
  },
  onClientRequest(state, request, context) {
    if (state.role === 'client') sendEcho(state, context, String(request.value));
  },
  persistentState(state): PlainData {
    return state.role === 'server' ? { pingsSent: state.pingsSent } : { nextRequestId: state.nextRequestId };
  },
  restart(persistent, context) {
    const saved = persistent as { pingsSent?: number; nextRequestId?: number };
    if (context.kind === 'client') {
      armRequest(context);
      return { role: 'client', nextRequestId: saved.nextRequestId ?? 1, waitingFor: null, completed: 0 };
    }
    armPing(context);
    return serverState(saved.pingsSent ?? 0);
  },
  messageType: (message) => message.type,
  messageSize: (message) => (message.type === 'Echo' || message.type === 'EchoReply' ? 16 + message.value.length : 16),
  describeMessage: (message) => ('nonce' in message ? `${message.type} ${message.nonce}` : `${message.type} ${message.requestId}`),

  safetyCheckers: () => [
    {
      name: 'Pongs answer pings',
      description: 'A server never counts a pong for a ping it did not send or already counted.',
      // Checker state: unexpected pongs already reported per node, so each one is reported once.
      init: () => ({}),
      check(reported, view: CheckView<PingState>) {
        const node = view.nodes[view.changedNode];
        const state = node?.state;
        if (node === undefined || state?.role !== 'server' || state.unexpectedPongs === 0) return null;
        const seen = reported as Record<string, number>;
        if (state.unexpectedPongs <= (seen[node.id] ?? 0)) return null;
        seen[node.id] = state.unexpectedPongs;
        return `${node.id} counted a pong for a ping it did not send or already counted (${state.unexpectedPongs} so far)`;
      },
    },
  ],
  livenessCheckers: () => [
    {
      name: 'Every server hears a pong',
      description: 'Once faults heal, every running server receives pongs again.',
      evaluate(view: CheckView<PingState>) {
        const silent = view.nodes.filter((node) => node.kind === 'server' && node.status === 'up' && node.state?.role === 'server' && node.state.pongsReceived === 0);
        return silent.length === 0 || view.config.nodeCount < 2 ? null : `no pong yet at ${silent.map((node) => node.id).join(', ')}`;
      },
    },
  ],
  summarize(view) {
    let pings = 0;
    for (const node of view.nodes) if (node.state?.role === 'server') pings += node.state.pingsSent;
    return { pingsSent: pings };
  },
};
