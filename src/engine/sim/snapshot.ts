/**
 * Checkpoint capture and restore: a deep copy of everything that determines the future of
 * a run (clock, counters, queue, nodes, network, randomness, checker state, schedule
 * position) plus the trace and history positions. Restoring one and replaying is
 * indistinguishable from never having left that point: tests compare trace hashes.
 */
import { capturePlain, restorePlain } from '../core/capture';
import type { PrngState } from '../core/prng';
import type { Microseconds } from '../core/time';
import type { CheckerSnapshot } from './checking';
import { copyQueuedEvent, type QueuedEvent } from './events';
import type { NetworkState } from './network';
import type { NetworkStats } from './world';
import type { NodeSnapshot } from './node';
import type { Simulation } from './simulation';
import type { TraceState } from './trace';
import type { World } from './world';

export interface Checkpoint {
  eventIndex: number;
  now: Microseconds;
  seq: number;
  nextMessageId: number;
  timerGeneration: number;
  queue: QueuedEvent[];
  held: QueuedEvent[];
  nodes: NodeSnapshot[];
  network: NetworkState;
  networkRandom: PrngState;
  stats: NetworkStats;
  trace: TraceState;
  history: { length: number; dropped: number };
  checkers: CheckerSnapshot;
  schedulePointer: number;
  healedAt: Microseconds | null;
  livenessJudged: boolean;
}

export function takeCheckpoint(simulation: Simulation): Checkpoint {
  const world = simulation.world;
  // Held and deferred messages are also referenced from the queue's history; copy them in one
  // pass so identity between `held` and node `deferred` lists is not needed after restore.
  return {
    eventIndex: world.eventIndex,
    now: world.now,
    seq: world.seq,
    nextMessageId: world.nextMessageId,
    timerGeneration: world.timerGeneration,
    queue: world.queue.sorted().filter((event) => !event.cancelled).map(copyEvent),
    held: world.held.map(copyEvent),
    nodes: world.nodes.map((node) => ({
      status: node.status,
      state: capturePlain(node.state),
      persistent: capturePlain(node.persistent),
      timers: node.timers.save(),
      skewUs: node.skewUs,
      driftPpm: node.driftPpm,
      deferred: node.deferred.map(copyEvent),
      random: node.random.save(),
      workloadRandom: node.workloadRandom.save(),
    })),
    network: capturePlain(world.network.state),
    networkRandom: world.networkRandom.save(),
    stats: world.networkStats(),
    trace: world.trace.save(),
    history: world.history.save(),
    checkers: simulation.checkers.save(),
    schedulePointer: simulation.schedulePointer,
    healedAt: simulation.healedAt,
    livenessJudged: simulation.livenessJudged,
  };
}

export function restoreCheckpoint(simulation: Simulation, checkpoint: Checkpoint): void {
  const world = simulation.world;
  world.now = checkpoint.now;
  world.eventIndex = checkpoint.eventIndex;
  world.seq = checkpoint.seq;
  world.nextMessageId = checkpoint.nextMessageId;
  world.timerGeneration = checkpoint.timerGeneration;
  const queue = checkpoint.queue.map(copyEvent);
  world.queue.reset(queue);
  world.held = checkpoint.held.map(copyEvent);
  checkpoint.nodes.forEach((snapshot, index) => {
    const node = world.nodes[index];
    if (node === undefined) return;
    node.status = snapshot.status;
    node.state = restorePlain(snapshot.state);
    node.persistent = restorePlain(snapshot.persistent);
    node.timers.restore(snapshot.timers);
    node.skewUs = snapshot.skewUs;
    node.driftPpm = snapshot.driftPpm;
    node.deferred = snapshot.deferred.map(copyEvent);
    node.random.restore(snapshot.random);
    node.workloadRandom.restore(snapshot.workloadRandom);
  });
  world.network.state = restorePlain(checkpoint.network);
  world.networkRandom.restore(checkpoint.networkRandom);
  world.restoreNetworkStats(checkpoint.stats);
  world.trace.restore(checkpoint.trace);
  world.history.restore(checkpoint.history);
  simulation.checkers.restore(checkpoint.checkers);
  simulation.schedulePointer = checkpoint.schedulePointer;
  simulation.healedAt = checkpoint.healedAt;
  simulation.livenessJudged = checkpoint.livenessJudged;
}

/** What is currently broken (crashed or paused nodes, cut or held links), or null when nothing is. */
export function faultSummary(world: World): string | null {
  const parts: string[] = [];
  for (const node of world.nodes) if (node.status !== 'up') parts.push(`${node.id} ${node.status}`);
  const links = world.network.faultCount();
  if (links > 0) parts.push(`${links} link${links === 1 ? '' : 's'} cut or held`);
  return parts.length === 0 ? null : parts.join(', ');
}

function copyEvent(event: QueuedEvent): QueuedEvent {
  // Message payloads are immutable once sent, so a checkpoint may share them.
  return copyQueuedEvent(event);
}
