/**
 * Client nodes (c1, c2, ...): each runs one operation at a time, finds the leader through
 * redirects, retries with exponential backoff on the virtual clock, and keeps one sequence
 * number per operation so that a retried write is applied once (dissertation §6.3). Every
 * operation is recorded in the history: invoke, then ok, fail (a cas whose compare failed:
 * definitely not applied) or info (outcome unknown: the client gave up).
 *
 * History values: put → the written string; get → null on invoke, the value read on ok;
 * append → the suffix; cas → [expected, new].
 */
import type { PlainData } from '../../core/plainData';
import type { NodeContext } from '../../protocol';
import type { ParameterValues } from '../../parameters';
import { raftSettings } from './settings';
import type { ClientInput, ClientReply, KvOperation, RaftClientState, RaftMessage } from './types';

type Context = NodeContext<RaftMessage>;

export function clientState(context: Context): RaftClientState {
  armWorkload(context);
  return { kind: 'client', nextSequence: 1, leaderHint: null, current: null, queued: [], lastSeen: {}, issued: 0, completed: 0, gaveUp: 0, lastGaveUpAt: null };
}

function armWorkload(context: Context): void {
  const settings = raftSettings(context.config);
  if (settings.clients === 0) return;
  const interval = settings.requestIntervalUs;
  context.setTimer('request', Math.floor(interval / 2) + context.workloadRandom.below(interval + 1));
}

/** The workload timer: start a random operation if idle, then re-arm while operations remain. */
export function onWorkloadTimer(state: RaftClientState, context: Context): void {
  const settings = raftSettings(context.config);
  const remaining = settings.operations === 0 || state.issued < settings.operations;
  if (state.current === null && state.queued.length === 0 && remaining) startOperation(state, randomOperation(state, context), context);
  if (settings.operations === 0 || state.issued < settings.operations) armWorkload(context);
}

function randomOperation(state: RaftClientState, context: Context): ClientInput {
  const settings = raftSettings(context.config);
  const random = context.workloadRandom;
  const key = `k${random.below(settings.keys) + 1}`;
  const token = `${context.nodeId}.${state.nextSequence}`;
  const draw = random.below(1000);
  if (draw < settings.readPerMille) return { f: 'get', key, value: null, expected: null };
  if (draw < settings.readPerMille + settings.appendPerMille) return { f: 'append', key, value: `${token} `, expected: null };
  if (draw < settings.readPerMille + settings.appendPerMille + settings.casPerMille) {
    return { f: 'cas', key, value: token, expected: state.lastSeen[key] ?? null };
  }
  return { f: 'put', key, value: token, expected: null };
}

/** A request from the lab (a `client` action aimed at this client): run now, or after the current one. */
export function onClientInput(state: RaftClientState, input: ParameterValues, context: Context): void {
  const f = (input.f ?? 'put') as KvOperation;
  const operation: ClientInput = {
    f,
    key: String(input.key ?? 'x'),
    value: f === 'get' ? null : String(input.value ?? ''),
    expected: f !== 'cas' || input.expected === undefined || input.expected === '' ? null : String(input.expected),
  };
  if (state.current === null) startOperation(state, operation, context);
  else state.queued.push(operation);
}

function historyValue(operation: ClientInput): PlainData {
  return operation.f === 'cas' ? [operation.expected, operation.value] : operation.value;
}

function startOperation(state: RaftClientState, input: ClientInput, context: Context): void {
  const sequence = state.nextSequence++;
  state.issued++;
  state.current = { sequence, ...input, attempts: 0, invokedAt: context.now(), awaitingReply: false, target: null };
  context.record('invoke', input.f, input.key, historyValue(input));
  sendAttempt(state, context);
}

function sendAttempt(state: RaftClientState, context: Context): void {
  const operation = state.current;
  if (operation === null) return;
  const settings = raftSettings(context.config);
  const unsafeRead = operation.f === 'get' && settings.readPath === 'unsafe-any-node';
  const target = unsafeRead || state.leaderHint === null ? context.random.pick(context.serverIds) : state.leaderHint;
  operation.attempts++;
  operation.awaitingReply = true;
  operation.target = target;
  context.send(target, {
    type: 'ClientRequest',
    clientId: context.nodeId,
    sequence: operation.sequence,
    f: operation.f,
    key: operation.key,
    value: operation.value,
    expected: operation.expected,
  });
  context.setTimer('retry', settings.requestTimeoutUs);
}

export function onClientReply(state: RaftClientState, from: string, reply: ClientReply, context: Context): void {
  const operation = state.current;
  if (operation === null || reply.sequence !== operation.sequence || !operation.awaitingReply) return;
  if (reply.outcome === 'redirect') {
    state.leaderHint = reply.leaderHint !== null && reply.leaderHint !== from ? reply.leaderHint : null;
    if (state.leaderHint !== null && operation.attempts < raftSettings(context.config).maxAttempts) sendAttempt(state, context);
    else backOff(state, context);
    return;
  }
  if (!(operation.f === 'get' && raftSettings(context.config).readPath === 'unsafe-any-node')) state.leaderHint = from;
  const input: ClientInput = { f: operation.f, key: operation.key, value: operation.value, expected: operation.expected };
  if (reply.outcome === 'ok') {
    context.record('ok', operation.f, operation.key, operation.f === 'get' ? reply.value : historyValue(input));
    rememberValue(state, operation.f, operation.key, operation.f === 'get' ? reply.value : operation.value);
  } else {
    context.record('fail', operation.f, operation.key, historyValue(input));
    // A failed cas answers with the current value; expect that next time.
    rememberValue(state, 'get', operation.key, reply.value);
  }
  state.completed++;
  finishOperation(state, context);
}

function rememberValue(state: RaftClientState, f: KvOperation, key: string, value: string | null): void {
  if (f === 'append') delete state.lastSeen[key];
  else state.lastSeen[key] = value;
}

/** The retry timer: an attempt timed out (back off), or a backoff ended (try again). */
export function onRetryTimer(state: RaftClientState, context: Context): void {
  const operation = state.current;
  if (operation === null) return;
  if (!operation.awaitingReply) {
    sendAttempt(state, context);
    return;
  }
  // No answer: the server may be down or partitioned away; forget it as the leader.
  if (state.leaderHint === operation.target) state.leaderHint = null;
  backOff(state, context);
}

function backOff(state: RaftClientState, context: Context): void {
  const operation = state.current;
  if (operation === null) return;
  const settings = raftSettings(context.config);
  operation.awaitingReply = false;
  if (operation.attempts >= settings.maxAttempts) {
    context.record('info', operation.f, operation.key, historyValue(operation));
    state.gaveUp++;
    state.lastGaveUpAt = context.now();
    finishOperation(state, context);
    return;
  }
  const exponential = settings.retryBackoffUs * 2 ** Math.min(operation.attempts - 1, 20);
  const delay = Math.min(settings.retryBackoffMaximumUs, exponential);
  // Jitter (up to half the delay) keeps clients that failed together from retrying together.
  context.setTimer('retry', delay + context.workloadRandom.below(Math.floor(delay / 2) + 1));
}

function finishOperation(state: RaftClientState, context: Context): void {
  state.current = null;
  context.cancelTimer('retry');
  const next = state.queued.shift();
  if (next !== undefined) startOperation(state, next, context);
}
