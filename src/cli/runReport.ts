/**
 * One headless run and the JSON report the `run` command prints. The run never pauses at a
 * violation (the CLI wants every violation up to the target time), so it reaches `untilMs`
 * whatever happens; `--at` snapshots are taken on the way, while running forward.
 */
import { createSimulation, type HistoryRecord, type InvariantReport, type NodeKind, type NodeStatus, type PlainData, type Scenario, type SimulationSnapshot } from '../engine';
import { InputError } from './inputError';

/** How far a run goes when neither --until nor the scenario's viewAtMs says. */
export const DEFAULT_UNTIL_MS = 10_000;

export interface RunOptions {
  untilMs: number;
  /** With a shared link's `e=`: stop after exactly this many events (at untilMs), as the sharer saw it. */
  atEvent?: number | null;
  /** Virtual times to snapshot the nodes at, ascending, each ≤ untilMs. */
  atMs: readonly number[];
  history: boolean;
}

export interface NodeReport {
  id: string;
  kind: NodeKind;
  status: NodeStatus;
  state: unknown;
}

export interface RunReport {
  module: string;
  seed: number;
  virtualTimeMs: number;
  events: number;
  traceHash: string;
  invariants: Array<Pick<InvariantReport, 'name' | 'kind' | 'ok' | 'pending' | 'violationCount' | 'violations'>>;
  nodes: NodeReport[];
  snapshots?: Array<{ atMs: number; events: number; traceHash: string; nodes: NodeReport[] }>;
  history?: HistoryRecord[];
  /** The module's own figures (summarize) plus the network's message counts. */
  summary: Record<string, PlainData>;
}

export function runScenario(scenario: Scenario, options: RunOptions): RunReport {
  const late = options.atMs.find((at) => at > options.untilMs);
  if (late !== undefined) throw InputError.of('--at', `${late} ms is after --until ${options.untilMs} ms`);
  const simulation = createSimulation(scenario);
  const snapshots: NonNullable<RunReport['snapshots']> = [];
  for (const atMs of options.atMs) {
    simulation.runUntil(atMs, false);
    snapshots.push({ atMs, events: simulation.eventIndex, traceHash: simulation.traceHash(), nodes: nodeReports(simulation.inspect()) });
  }
  if (options.atEvent === undefined || options.atEvent === null) simulation.runUntil(options.untilMs, false);
  else simulation.seekPosition(options.untilMs, options.atEvent);
  const final = simulation.inspect();
  return {
    module: scenario.module,
    seed: scenario.seed,
    virtualTimeMs: options.untilMs,
    events: simulation.eventIndex,
    traceHash: simulation.traceHash(),
    invariants: simulation.invariants().map(({ name, kind, ok, pending, violationCount, violations }) => ({ name, kind, ok, pending, violationCount, violations })),
    nodes: nodeReports(final),
    ...(options.atMs.length > 0 ? { snapshots } : {}),
    ...(options.history ? { history: [...simulation.history()] } : {}),
    summary: summaryOf(final),
  };
}

/** The exit code for a report: 0 when every invariant holds, 1 on any violation. */
export function exitCodeOf(report: Pick<RunReport, 'invariants'>): 0 | 1 {
  return report.invariants.every((invariant) => invariant.ok) ? 0 : 1;
}

function nodeReports(snapshot: SimulationSnapshot): NodeReport[] {
  return snapshot.nodes.map(({ id, kind, status, state }) => ({ id, kind, status, state }));
}

function summaryOf(snapshot: SimulationSnapshot): Record<string, PlainData> {
  const { sent, delivered, dropped, duplicated, bytesSent } = snapshot.stats;
  return { ...snapshot.summary, messages: { sent, delivered, dropped, duplicated, bytesSent }, queueSize: snapshot.queueSize };
}
