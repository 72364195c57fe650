/**
 * The worker boundary: the types the UI and the simulation worker share. Everything here is
 * serializable (structured clone): plain objects, arrays, strings, numbers, booleans, null.
 *
 * The API is coarse on purpose (design.md §5): one call moves the run by a whole animation
 * frame's worth of virtual time and answers with one Frame. The UI never calls the worker
 * per event, and asks for at most one frame at a time.
 */
import type {
  Action,
  HistoryRecord,
  InFlightMessage,
  InvariantReport,
  NetworkDescription,
  NodeSnapshotView,
  Scenario,
  SimulationSnapshot,
  TraceEvent,
} from '../engine/index';

export type { Action, HistoryRecord, InFlightMessage, InvariantReport, NetworkDescription, NodeSnapshotView, Scenario, SimulationSnapshot, TraceEvent };

/** Why the worker stopped moving the run in the last call. */
export type FrameStop =
  /** The requested time (or event) was reached. */
  | 'time'
  /** A safety checker found a violation; the run stopped right after the violating event. */
  | 'violation'
  /** The worker's per-call work budget ran out first; ask again to continue. */
  | 'budget';

/** What one frame carries: the run's whole visible state, replaced wholesale in the UI. */
export interface Frame {
  module: string;
  timeMs: number;
  eventIndex: number;
  traceHash: string;
  /** How many trace events the run has produced (including ones the buffer no longer keeps). */
  traceCount: number;
  nodes: NodeSnapshotView[];
  /** Every message in flight; only the watched one (watchMessage) carries its payload. */
  inFlight: InFlightMessage[];
  network: NetworkDescription;
  invariants: InvariantReport[];
  stats: SimulationSnapshot['stats'];
  summary: SimulationSnapshot['summary'];
  /** Trace events since the previous frame, oldest first, at most FRAME_TRACE_LIMIT of them. */
  newTrace: TraceEvent[];
  /** True when the timeline moved backwards or forked since the previous frame: drop any trace kept so far. */
  traceReset: boolean;
  stoppedBy: FrameStop;
  /** The violation message when stoppedBy is 'violation'. */
  violation: string | null;
}

/** Trace events per frame are capped so a fast-forward never ships a huge message. */
export const FRAME_TRACE_LIMIT = 2_000;

/** A problem with a scenario, naming the field ("schedule[2].node") and what is wrong. */
export interface ScenarioProblemView {
  field: string;
  problem: string;
}

export interface ModuleSummary {
  name: string;
  title: string;
  description: string;
  /** The timer a "force timeout" fault fires (Raft: 'election'); null when the module has none. */
  forceableTimer?: string | null;
  /** Node selectors usable as "@name" in actions (Raft: ['leader', 'follower']). */
  selectors?: string[];
}

export type LoadResult =
  | { ok: true; module: ModuleSummary; frame: Frame }
  | { ok: false; errors: ScenarioProblemView[] };

/** A position in a run, precise between two events at the same virtual time. */
export interface RunPosition {
  timeMs: number;
  eventIndex: number;
}

/** What "step to the next event of a kind" can look for: a trace event kind, or a new invariant violation. */
export type StepTarget = TraceEvent['kind'] | 'violation';

/** stepUntil runs at most this many events per call, whatever the caller asks. */
export const STEP_UNTIL_EVENT_LIMIT = 1_000_000;

export interface StepUntilResult {
  frame: Frame;
  /**
   * 'found': the last event run produced one of the kinds asked for; 'violation': a new
   * invariant violation stopped the search; 'limit': the event or work budget ran out first;
   * 'idle': nothing is left to run.
   */
  outcome: 'found' | 'violation' | 'limit' | 'idle';
  eventsRun: number;
}

/** Test-only commands; the worker ignores them unless it was built in e2e mode. */
export type DebugCommand = 'hang' | 'crash';

export interface SimulationWorkerApi {
  /** Starts a fresh run of a validated scenario. Answers with the first frame or what is wrong. */
  load(scenario: Scenario): LoadResult;
  /** Runs up to virtual time `ms` (within a work budget; see FrameStop 'budget'). */
  advanceTo(ms: number): Frame;
  /** Runs exactly one event. */
  step(): Frame;
  /**
   * Runs events one at a time until one produces a trace event of one of `kinds` (or, with
   * 'violation', a new invariant violation; any new violation stops it). Bounded: at most
   * `maxEvents` events (capped at STEP_UNTIL_EVENT_LIMIT) and the session's work budget, so it never hangs.
   */
  stepUntil(kinds: StepTarget[], maxEvents: number): StepUntilResult;
  /** Moves to virtual time `ms`, backwards through a checkpoint and replay. Never stops on a violation. */
  seek(ms: number): Frame;
  /** Moves to just after event number `eventIndex`. */
  seekEvent(eventIndex: number): Frame;
  /** Goes back to an exact earlier position (used to restore a run in a fresh worker). */
  restore(position: RunPosition): Frame;
  /** Applies a perturbation at the current virtual time; acting in the past forks the timeline. */
  apply(action: Action): Frame;
  /**
   * Chooses the message whose payload frames carry: frames list every message in flight but
   * only this one with its payload (null: none), which keeps them small. Answers with a frame.
   */
  watchMessage(messageId: number | null): Frame;
  /** The full inspect() picture of the run, including persistent state and timers. */
  snapshot(): SimulationSnapshot;
  /** Trace events with index in [fromIndex, toIndex), as far as the engine still keeps them. */
  traceWindow(fromIndex: number, toIndex: number): TraceEvent[];
  /** The client history (Jepsen convention). */
  history(): HistoryRecord[];
  /** The scenario plus every perturbation on the current timeline, optionally with the time being viewed. */
  currentScenario(viewAtMs?: number): Scenario;
  /** Every checker judged at the current position, history checkers included (after a seek, whose frame defers them). */
  invariants(): InvariantReport[];
  /** Test hook: hang or crash the worker so the watchdog can be tested. Inert outside e2e builds. */
  debug(command: DebugCommand): boolean;
}
