/**
 * Benchmarks that other parts of the engine provide, found at run time: the
 * linearizability checker (src/engine/checkers/benchmark.ts) and the CRDT sync modes
 * (src/engine/protocols/crdt/benchmark.ts). Each reports `{ skipped: reason }` when it is
 * missing or fails, so the harness never depends on work in progress.
 *
 * Convention for such files: export a `measure...(now: () => number, ...)` function that
 * returns plain data (the engine has no clock, so the harness passes one), or scenario
 * builders that the harness runs and times itself.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSimulation, type Scenario } from '../../engine';
import { median, now, repeat, round, timed, type Repetitions } from './measure';
import type { Skipped } from './raft';

const ENGINE_DIRECTORY = resolve(dirname(fileURLToPath(import.meta.url)), '../../engine');

type Measure = (clock: () => number) => unknown;

export async function measureLinearizabilityChecker(plan: Repetitions): Promise<Record<string, unknown> | Skipped> {
  const found = await findMeasure('checkers/benchmark.ts', 'measureLinearizability');
  if ('skipped' in found) return found;
  return settle(async () => {
    const runs: Record<string, unknown>[] = [];
    for (let index = 0; index < plan.warmup + plan.repetitions; index++) runs.push(asRecord(await found.measure(now)));
    const measured = runs.slice(plan.warmup);
    const checkMs = median(measured.map((run) => Number(run.checkMs)));
    const last = measured[measured.length - 1] ?? {};
    const figures: Record<string, unknown> = { ...last, checkMs: round(checkMs), repetitions: plan.repetitions, targetMs: 1_000 };
    if (typeof last.violationCheckMs === 'number') figures.violationCheckMs = round(median(measured.map((run) => Number(run.violationCheckMs))));
    if (typeof last.generateMs === 'number') figures.generateMs = round(last.generateMs);
    figures.meetsTarget = checkMs < 1_000;
    return figures;
  });
}

/**
 * The CRDT module's benchmark provides scenario builders (orSetBenchmarkScenarios) rather
 * than a measure function: the harness runs each sync mode's scenario and reports events
 * per second and bytes per update, read from the run's summary through bytesPerUpdate.
 */
export async function measureCrdt(plan: Repetitions, quick: boolean): Promise<Record<string, unknown> | Skipped> {
  const relativePath = 'protocols/crdt/benchmark.ts';
  const loaded = await loadEngineFile(relativePath);
  if ('skipped' in loaded) return loaded;
  const builders = loaded.exports.orSetBenchmarkScenarios;
  const bytesPerUpdate = loaded.exports.bytesPerUpdate;
  if (typeof builders !== 'function') {
    const found = await findMeasure(relativePath, null);
    if ('skipped' in found) return found;
    return settle(async () => ({ function: found.name, ...asRecord(await found.measure(now)) }));
  }
  return settle(async () => {
    // --quick checks the harness's shape, not the figures: ten replicas for three seconds.
    const options = quick ? { replicas: 10, durationMs: 3_000 } : {};
    const modes = (builders as (options: object) => Array<{ syncMode: string; scenario: Scenario }>)(options);
    const figures: Record<string, unknown> = { replicas: modes[0]?.scenario.nodes ?? 0, virtualMs: 0, repetitions: plan.repetitions };
    for (const { syncMode, scenario } of modes) {
      const virtualMs = Math.max(...(scenario.schedule ?? []).map((action) => action.at), scenario.workload?.stopAtMs as number ?? 0) + 5_000;
      figures.virtualMs = virtualMs;
      const runs = repeat(plan, () => {
        const simulation = createSimulation(scenario);
        return { simulation, ms: timed(() => simulation.runUntil(virtualMs, false)).ms };
      });
      const last = runs[runs.length - 1]?.simulation;
      if (last === undefined) continue;
      const summary = last.inspect().summary;
      figures[syncMode] = {
        events: last.eventIndex,
        eventsPerSecond: Math.round(last.eventIndex / (median(runs.map((run) => run.ms)) / 1000)),
        bytesPerUpdate: typeof bytesPerUpdate === 'function' ? (bytesPerUpdate as (summary: object, mode: string) => number | null)(summary, syncMode) : null,
        bytesSent: last.inspect().stats.bytesSent,
        invariantsHold: last.invariants().every((invariant) => invariant.ok),
      };
    }
    return figures;
  });
}

async function loadEngineFile(relativePath: string): Promise<{ exports: Record<string, unknown> } | Skipped> {
  const file = resolve(ENGINE_DIRECTORY, relativePath);
  if (!existsSync(file)) return { skipped: `src/engine/${relativePath} does not exist yet` };
  try {
    return { exports: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
  } catch (error) {
    return { skipped: `src/engine/${relativePath} failed to load: ${messageOf(error)}` };
  }
}

async function findMeasure(relativePath: string, preferred: string | null): Promise<{ name: string; measure: Measure } | Skipped> {
  const loaded = await loadEngineFile(relativePath);
  if ('skipped' in loaded) return loaded;
  const exports = loaded.exports;
  const names = Object.keys(exports).filter((name) => typeof exports[name] === 'function' && /^(measure|runBenchmark|benchmark)/i.test(name));
  const name = preferred !== null && names.includes(preferred) ? preferred : names[0];
  if (name === undefined) return { skipped: `src/engine/${relativePath} exports no measure…(now) function` };
  return { name, measure: exports[name] as Measure };
}

async function settle(body: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown> | Skipped> {
  try {
    return await body();
  } catch (error) {
    return { skipped: `failed: ${messageOf(error)}` };
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { result: value };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
