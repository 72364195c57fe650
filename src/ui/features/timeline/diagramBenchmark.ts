/**
 * Benchmark of the space-time diagram's per-update and per-frame work on a long synthetic
 * run: mapping the trace (once per trace change) and selecting the visible window (once per
 * zoom or pan frame). DOM-free, so it runs in Node:
 *
 *   npx tsx -e "import('./src/ui/features/timeline/diagramBenchmark.ts').then((m) => console.log(m.benchmarkDiagram()))"
 *
 * Exported so the project's `npm run bench` can call it and report the figures (this file is
 * type-checked with the app, which has no Node types, so it has no command-line entry itself).
 */
import { traceToDiagram } from './traceToDiagram';
import { selectVisible } from './visibleWindow';
import { syntheticTrace } from './syntheticTrace';

export interface DiagramBenchmarkResult {
  eventCount: number;
  arrowCount: number;
  markCount: number;
  mapMedianMs: number;
  /** Whole run visible: every arrow overlaps, so this is the aggregated level of detail. */
  selectWholeRunMedianMs: number;
  /** A window of 1% of the run, as when zoomed in: arrows drawn one by one. */
  selectZoomedMedianMs: number;
  zoomedArrowCount: number;
}

function medianOf(samples: number[]): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timeRuns(runs: number, work: () => void): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return medianOf(samples);
}

export function benchmarkDiagram(eventCount = 100_000, runs = 9): DiagramBenchmarkResult {
  const trace = syntheticTrace({ eventCount, nodeCount: 9, seed: 42 });
  const diagram = traceToDiagram(trace);
  const mapMedianMs = timeRuns(runs, () => traceToDiagram(trace));
  const limits = { maxArrows: 5_000, maxMarks: 3_000, bucketCount: 200 };
  const whole = { fromUs: 0, toUs: diagram.endTimeUs };
  const span = diagram.endTimeUs / 100;
  const zoomed = { fromUs: diagram.endTimeUs / 2, toUs: diagram.endTimeUs / 2 + span };
  const selectWholeRunMedianMs = timeRuns(runs * 3, () => selectVisible(diagram, whole, limits));
  const selectZoomedMedianMs = timeRuns(runs * 3, () => selectVisible(diagram, zoomed, limits));
  const zoomedSelection = selectVisible(diagram, zoomed, limits).messages;
  return {
    eventCount,
    arrowCount: diagram.arrows.length,
    markCount: diagram.marks.length,
    mapMedianMs,
    selectWholeRunMedianMs,
    selectZoomedMedianMs,
    zoomedArrowCount: zoomedSelection.mode === 'arrows' ? zoomedSelection.arrows.length : zoomedSelection.messageCount,
  };
}
