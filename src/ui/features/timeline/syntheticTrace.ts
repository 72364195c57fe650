/**
 * Synthetic traces for tests, benchmarks and visual checks: a cluster where every node
 * broadcasts on a heartbeat, receivers answer, some messages are lost or land on a crashed
 * node, and faults, timers and state changes are sprinkled in. Deterministic (a small
 * xorshift generator seeded by the caller), so a failing test can be replayed.
 */
import type { TraceEvent, TraceKind } from '../../../engine';

export interface SyntheticTraceOptions {
  eventCount: number;
  nodeCount: number;
  seed: number;
  /** One message in this many is dropped. */
  dropEvery?: number;
  messageTypes?: readonly string[];
}

export function syntheticTrace(options: SyntheticTraceOptions): TraceEvent[] {
  const { eventCount, nodeCount, dropEvery = 37 } = options;
  const types = options.messageTypes ?? ['AppendEntries', 'AppendEntriesResponse', 'RequestVote', 'RequestVoteResponse'];
  const nodes = Array.from({ length: nodeCount }, (_, position) => `n${position + 1}`);
  let state = options.seed >>> 0 || 1;
  const random = (limit: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % limit;
  };
  const events: TraceEvent[] = [];
  // Pending deliveries and drops, kept sorted by time (small: bounded by messages in flight).
  const pending: { time: number; kind: TraceKind; node: string; peer: string; messageId: number; type: string; detail: string | null }[] = [];
  const push = (time: number, kind: TraceKind, node: string, peer: string | null, messageId: number, type: string | null, detail: string | null): void => {
    events.push({ index: events.length, event: events.length, time, kind, node, peer, messageId, messageType: type, detail });
  };
  let now = 0;
  let nextMessageId = 1;
  while (events.length < eventCount) {
    now += 50 + random(400);
    while (pending.length > 0 && (pending[0] as (typeof pending)[number]).time <= now && events.length < eventCount) {
      const due = pending.shift() as (typeof pending)[number];
      push(due.time, due.kind, due.node, due.peer, due.messageId, due.type, due.detail);
    }
    const roll = random(1000);
    const node = nodes[random(nodeCount)] as string;
    if (roll < 3) push(now, 'fault', roll === 0 ? '*' : node, null, 0, null, roll === 0 ? 'partition n1 | n2,n3' : `crash ${node}`);
    else if (roll < 10) push(now, 'state', node, null, 0, null, `became leader term ${1 + random(9)}`);
    else if (roll < 150) push(now, 'timer', node, null, 0, null, 'heartbeat');
    else {
      const peer = nodes[(nodes.indexOf(node) + 1 + random(nodeCount - 1)) % nodeCount] as string;
      const type = types[random(types.length)] as string;
      const messageId = nextMessageId++;
      push(now, 'send', node, peer, messageId, type, null);
      const latency = 1_000 + random(4_000);
      const dropped = messageId % dropEvery === 0;
      const entry = dropped
        ? { time: now, kind: 'drop' as const, node, peer, messageId, type, detail: 'lost' }
        : { time: now + latency, kind: 'deliver' as const, node: peer, peer: node, messageId, type, detail: null };
      const at = pending.findIndex((other) => other.time > entry.time);
      pending.splice(at < 0 ? pending.length : at, 0, entry);
    }
  }
  return events.slice(0, eventCount);
}
