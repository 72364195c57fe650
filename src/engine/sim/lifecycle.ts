/**
 * Node lifecycle faults: crash (volatile state lost, the protocol's declared persistent
 * state kept), restart, pause and resume (a long GC pause: nothing runs, arrivals wait),
 * a forced timeout, and clock skew and drift.
 */
import type { Microseconds } from '../core/time';
import type { NodeRuntime } from './node';
import type { World } from './world';

export function crashNode(world: World, node: NodeRuntime): string {
  if (node.status === 'crashed') return 'already crashed';
  node.persistent = world.module.persistentState(node.state);
  node.state = null;
  node.timers.clear();
  // Messages that waited on the paused process die with it.
  node.deferred = [];
  node.status = 'crashed';
  return 'crashed';
}

export function restartNode(world: World, node: NodeRuntime): string {
  const wasUp = node.status !== 'crashed';
  if (wasUp) crashNode(world, node);
  node.status = 'up';
  node.state = world.module.restart(node.persistent, node.context);
  node.persistent = null;
  return wasUp ? 'rebooted' : 'restarted';
}

export function pauseNode(node: NodeRuntime): string {
  if (node.status !== 'up') return `not paused: ${node.status}`;
  node.status = 'paused';
  return 'paused';
}

export function resumeNode(world: World, node: NodeRuntime): string {
  if (node.status !== 'paused') return `not resumed: ${node.status}`;
  node.status = 'up';
  // Everything that arrived or fell due during the pause happens now, in arrival order.
  const deferred = node.deferred;
  node.deferred = [];
  for (const event of deferred) {
    if (event.messageId !== 0) world.requeue(event, world.now);
    else world.push({ ...event, time: world.now });
  }
  return `resumed (${deferred.length} waiting events)`;
}

export function forceTimeout(world: World, node: NodeRuntime): { detail: string; stepped: boolean } {
  const key = world.module.forceableTimer;
  if (key === undefined) return { detail: `${world.module.name} has no timeout to force`, stepped: false };
  if (node.status !== 'up') return { detail: `not forced: ${node.status}`, stepped: false };
  node.timers.disarm(key);
  world.traceEvent('timer', node.id, null, 0, null, `${key} (forced)`);
  world.module.onTimer(node.state, key, node.context);
  return { detail: `forced ${key} timeout`, stepped: true };
}

export function skewClock(node: NodeRuntime, skewUs: Microseconds, driftPpm: number): string {
  node.skewUs = skewUs;
  node.driftPpm = driftPpm;
  return `clock skew ${skewUs / 1000} ms, drift ${driftPpm} ppm`;
}
