/**
 * Seek latency and memory on a long run (design §8: seek to any point of a 1 M-event run
 * in ≤ 100 ms). Builds the run once, then seeks to points drawn from a fixed seed, each
 * restoring the nearest checkpoint and replaying; the heap is measured after a full
 * garbage collection with the run still alive. main.ts runs it on ping in-process and on
 * Raft in a child process (seekChild.ts), where running out of memory cannot take the
 * whole benchmark down.
 */
import { Prng, createSimulation, type Scenario, type Simulation } from '../../engine';
import { collectGarbage, median, megabytes, percentile, round, timed } from './measure';

export interface SeekFigures {
  module: string;
  nodes: number;
  events: number;
  virtualMs: number;
  buildMs: number;
  checkpoints: number;
  /** Events between checkpoints (doubles when the checkpoint cap thins them): the most a seek replays. */
  checkpointEvery: number;
  /** Backward seeks restore a checkpoint and replay; forward seeks run on from where the run stands. */
  seeks: Array<{ fromMs: number; toMs: number; direction: 'backward' | 'forward'; ms: number }>;
  maxMs: number;
  p50Ms: number;
  backwardMaxMs: number | null;
  targetMs: number;
  meetsTarget: boolean;
}

export interface MemoryFigures {
  /** Heap in use after a full collection, with the long run alive. */
  heapUsedMb: number;
  /** What the run itself retains: heap with the run minus heap before it was built. */
  retainedByRunMb: number;
  events: number;
  garbageCollected: boolean;
}

export interface SeekAndMemory {
  seek: SeekFigures;
  memory: MemoryFigures;
}

export function measureSeekAndMemory(scenario: Scenario, targetEvents: number, seekCount: number): SeekAndMemory {
  const collected = collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const build = timed(() => buildRun(scenario, targetEvents));
  const simulation = build.value;
  const endMs = simulation.now / 1000;
  const events = simulation.eventIndex;
  const checkpoints = simulation.checkpoints.count;
  const checkpointEvery = simulation.checkpoints.every;
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  const random = new Prng(20_261_121, 'bench-seek');
  const seeks = Array.from({ length: seekCount }, (): SeekFigures['seeks'][number] => {
    const toMs = random.below(Math.max(1, Math.floor(endMs)));
    const fromMs = simulation.now / 1000;
    return { fromMs, toMs, direction: toMs < fromMs ? 'backward' : 'forward', ms: round(timed(() => simulation.seek(toMs)).ms) };
  });
  const times = seeks.map((seek) => seek.ms);
  const maxMs = Math.max(...times);
  const backward = seeks.filter((seek) => seek.direction === 'backward').map((seek) => seek.ms);
  return {
    seek: {
      module: scenario.module,
      nodes: scenario.nodes,
      events,
      virtualMs: endMs,
      buildMs: Math.round(build.ms),
      checkpoints,
      checkpointEvery,
      seeks,
      maxMs,
      p50Ms: round(median(times)),
      backwardMaxMs: backward.length === 0 ? null : Math.max(...backward),
      targetMs: 100,
      meetsTarget: percentile(times, 100) <= 100,
    },
    memory: {
      heapUsedMb: megabytes(heapAfter),
      retainedByRunMb: megabytes(heapAfter - heapBefore),
      events,
      garbageCollected: collected,
    },
  };
}

/** Runs forward one virtual second at a time until the run holds at least `targetEvents` events. */
function buildRun(scenario: Scenario, targetEvents: number): Simulation {
  const simulation = createSimulation(scenario);
  while (simulation.eventIndex < targetEvents) {
    const before = simulation.eventIndex;
    simulation.runUntil(simulation.now / 1000 + 1_000, false);
    if (simulation.eventIndex === before && simulation.world.nextLive() === undefined) break;
  }
  return simulation;
}
