/**
 * One simulation run behind the worker boundary: the engine plus the bookkeeping a frame
 * needs (which trace events the UI has already seen, when invariants were last judged).
 * Plain TypeScript with no worker globals, so Node tests drive it directly; the worker file
 * only exposes it with comlink.
 */
import { ScenarioError, createSimulation, type Simulation } from '../engine/index';
import { parseScenario } from '../scenario/index';
import {
  FRAME_TRACE_LIMIT,
  STEP_UNTIL_EVENT_LIMIT,
  type Action,
  type Frame,
  type FrameStop,
  type HistoryRecord,
  type InvariantReport,
  type LoadResult,
  type RunPosition,
  type Scenario,
  type SimulationSnapshot,
  type StepTarget,
  type StepUntilResult,
  type TraceEvent,
} from './api';

export interface SessionOptions {
  /** A wall clock in milliseconds, used only to bound how long one call may work. */
  wallClockMs: () => number;
  /** advanceTo stops early (stoppedBy 'budget') once a call has worked this long. */
  workBudgetMs: number;
  /** During playback, history checkers (costly) are re-judged at most this often. */
  invariantsEveryMs: number;
  /** stepUntil gives up (outcome 'limit') once a call has worked this long. */
  stepUntilBudgetMs: number;
}

const DEFAULT_OPTIONS: SessionOptions = {
  wallClockMs: () => 0,
  workBudgetMs: 40,
  invariantsEveryMs: 250,
  stepUntilBudgetMs: 1_000,
};

/** stepUntil looks at the wall clock once per this many events (reading it costs more than an event). */
const STEP_UNTIL_CLOCK_STRIDE = 256;

/** advanceTo runs in this many slices so it can stop between them when the budget runs out. */
/** Time travel answers before judging the client history; the UI asks for invariants() right after. */
const DEFER_HISTORY = true;

const ADVANCE_SLICES = 8;

export class SimulationSession {
  private simulation: Simulation | null = null;
  private readonly options: SessionOptions;
  /** Trace events with index below this have been shipped in a frame. */
  private traceCursor = 0;
  /** Set when the timeline moved backwards: the next frame tells the UI to drop its trace. */
  private traceResetPending = true;
  private lastInvariants: InvariantReport[] = [];
  private invariantsJudgedAtMs = -Infinity;
  private invariantsJudgedAtEvent = -1;
  /** The one in-flight message whose payload frames carry (the inspector's selection), or null. */
  private watchedMessageId: number | null = null;

  constructor(options: Partial<SessionOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  /** Validates again at this boundary (the caller may be anything that can post a message), then starts the run. */
  load(scenario: Scenario): LoadResult {
    const parsed = parseScenario(scenario);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    let simulation: Simulation;
    try {
      simulation = createSimulation(parsed.scenario);
    } catch (error) {
      if (error instanceof ScenarioError) return { ok: false, errors: [{ field: error.field, problem: error.problem }] };
      return { ok: false, errors: [{ field: 'scenario', problem: error instanceof Error ? error.message : String(error) }] };
    }
    this.simulation = simulation;
    this.watchedMessageId = null;
    this.traceCursor = 0;
    this.traceResetPending = true;
    this.invariantsJudgedAtEvent = -1;
    const module = simulation.module;
    const summary = {
      name: module.name,
      title: module.title,
      description: module.description,
      forceableTimer: module.forceableTimer ?? null,
      selectors: Object.keys(module.selectors),
    };
    return { ok: true, module: summary, frame: this.frame('time', null, true) };
  }

  advanceTo(ms: number): Frame {
    const simulation = this.require();
    const startedAt = this.options.wallClockMs();
    const fromUs = simulation.now;
    const toUs = Math.round(ms * 1000);
    if (!(toUs > fromUs)) return this.frame('time', null, true);
    for (let slice = 1; slice <= ADVANCE_SLICES; slice++) {
      // Whole microseconds, rounded up: every slice moves the clock, so repeated calls always arrive.
      const targetUs = fromUs + Math.ceil(((toUs - fromUs) * slice) / ADVANCE_SLICES);
      const result = simulation.runUntil(targetUs / 1000);
      if (result.stoppedBy === 'violation') return this.frame('violation', result.violation, true);
      const overBudget = this.options.wallClockMs() - startedAt > this.options.workBudgetMs;
      if (overBudget && slice < ADVANCE_SLICES) return this.frame('budget', null, false);
    }
    return this.frame('time', null, false);
  }

  step(): Frame {
    this.require().step();
    return this.frame('time', null, true);
  }

  stepUntil(kinds: StepTarget[], maxEvents: number): StepUntilResult {
    const simulation = this.require();
    const wanted = new Set<StepTarget>(kinds);
    const limit = Number.isFinite(maxEvents) ? Math.max(1, Math.min(STEP_UNTIL_EVENT_LIMIT, Math.floor(maxEvents))) : STEP_UNTIL_EVENT_LIMIT;
    const startedAt = this.options.wallClockMs();
    const violationsBefore = simulation.checkers.violationTotal;
    let eventsRun = 0;
    let outcome: StepUntilResult['outcome'] = 'limit';
    while (eventsRun < limit) {
      const traceBefore = simulation.world.trace.count;
      if (!simulation.step()) {
        outcome = 'idle';
        break;
      }
      eventsRun++;
      if (simulation.checkers.violationTotal > violationsBefore) {
        outcome = 'violation';
        break;
      }
      if (producedWantedKind(simulation, traceBefore, wanted)) {
        outcome = 'found';
        break;
      }
      if (eventsRun % STEP_UNTIL_CLOCK_STRIDE === 0 && this.options.wallClockMs() - startedAt > this.options.stepUntilBudgetMs) break;
    }
    if (outcome !== 'violation') return { frame: this.frame('time', null, true), outcome, eventsRun };
    const frame = this.frame('violation', null, true);
    return { frame: { ...frame, violation: latestViolationMessage(frame.invariants) }, outcome, eventsRun };
  }

  seek(ms: number): Frame {
    const simulation = this.require();
    if (ms * 1000 < simulation.now) this.traceResetPending = true;
    simulation.seek(ms);
    return this.frame('time', null, true, DEFER_HISTORY);
  }

  seekEvent(eventIndex: number): Frame {
    const simulation = this.require();
    if (eventIndex < simulation.eventIndex) this.traceResetPending = true;
    simulation.seekEvent(eventIndex);
    return this.frame('time', null, true, DEFER_HISTORY);
  }

  /**
   * Returns to an exact earlier position. Replaying to the event count first and only then
   * moving the clock keeps a position reached by stepping (several events at one instant,
   * only some of them run) distinct from one reached by running to a time.
   */
  restore(position: RunPosition): Frame {
    const simulation = this.require();
    this.traceResetPending = true;
    simulation.seekPosition(position.timeMs, position.eventIndex);
    return this.frame('time', null, true, DEFER_HISTORY);
  }

  apply(action: Action): Frame {
    this.require().apply(action);
    return this.frame('time', null, true);
  }

  /** Frames from now on carry the payload of message `messageId` only (null: of none). Answers with a frame that does. */
  watchMessage(messageId: number | null): Frame {
    this.watchedMessageId = messageId;
    return this.frame('time', null, false);
  }

  snapshot(): SimulationSnapshot {
    return this.require().inspect();
  }

  traceWindow(fromIndex: number, toIndex: number): TraceEvent[] {
    return this.require().trace(fromIndex, toIndex);
  }

  history(): HistoryRecord[] {
    return [...this.require().history()];
  }

  currentScenario(viewAtMs?: number): Scenario {
    return this.require().currentScenario(viewAtMs);
  }

  private require(): Simulation {
    if (this.simulation === null) throw new Error('No scenario is loaded in the simulation worker.');
    return this.simulation;
  }

  /** Every checker judged now, history checkers included (asked for after a time-travel frame). */
  invariants(): InvariantReport[] {
    return this.judgeInvariants(this.require(), true, false);
  }

  /**
   * Builds the frame for the run's current position. `judgeNow` forces fresh invariants;
   * `deferHistory` (time travel) leaves history checkers to a later invariants() call, so a
   * seek answers without judging the whole client history.
   */
  private frame(stoppedBy: FrameStop, violation: string | null, judgeNow: boolean, deferHistory = false): Frame {
    const simulation = this.require();
    const snapshot = simulation.inspect({ compact: true, payloadOf: this.watchedMessageId });
    const { newTrace, traceReset } = this.takeNewTrace(simulation);
    return {
      module: snapshot.module,
      timeMs: snapshot.timeMs,
      eventIndex: snapshot.eventIndex,
      traceHash: snapshot.traceHash,
      traceCount: snapshot.traceCount,
      nodes: snapshot.nodes,
      inFlight: snapshot.inFlight,
      network: snapshot.network,
      invariants: this.judgeInvariants(simulation, judgeNow || stoppedBy === 'violation', deferHistory),
      stats: snapshot.stats,
      summary: snapshot.summary,
      newTrace,
      traceReset,
      stoppedBy,
      violation,
    };
  }

  /** The trace since the last frame. A gap larger than the cap counts as a reset, so the UI's window stays contiguous. */
  private takeNewTrace(simulation: Simulation): { newTrace: TraceEvent[]; traceReset: boolean } {
    const count = simulation.world.trace.count;
    const reset = this.traceResetPending || count < this.traceCursor || count - this.traceCursor > FRAME_TRACE_LIMIT;
    const from = reset ? Math.max(0, count - FRAME_TRACE_LIMIT) : this.traceCursor;
    this.traceCursor = count;
    this.traceResetPending = false;
    return { newTrace: simulation.trace(from, count), traceReset: reset };
  }

  /** Safety and liveness reports are cheap; history checkers are not, so playback re-judges them at a bounded rate. */
  private judgeInvariants(simulation: Simulation, force: boolean, deferHistory: boolean): InvariantReport[] {
    if (deferHistory) {
      // Not remembered as judged, and what was judged before no longer holds here: the next
      // frame judges in full however recently the last full judgement ran.
      this.invariantsJudgedAtEvent = -1;
      this.invariantsJudgedAtMs = -Infinity;
      return simulation.invariants({ judgeHistory: false });
    }
    const now = this.options.wallClockMs();
    const unchanged = simulation.eventIndex === this.invariantsJudgedAtEvent;
    const recent = now - this.invariantsJudgedAtMs < this.options.invariantsEveryMs;
    if (!force && (unchanged || recent)) return this.lastInvariants;
    this.lastInvariants = simulation.invariants();
    this.invariantsJudgedAtMs = now;
    this.invariantsJudgedAtEvent = simulation.eventIndex;
    return this.lastInvariants;
  }
}

/** Whether the trace events appended since `fromIndex` include one of the wanted kinds. */
function producedWantedKind(simulation: Simulation, fromIndex: number, wanted: ReadonlySet<StepTarget>): boolean {
  const count = simulation.world.trace.count;
  if (count === fromIndex) return false;
  return simulation.trace(fromIndex, count).some((event) => wanted.has(event.kind));
}

/** "checker: message" for the most recent violation in a report (the one just found). */
function latestViolationMessage(invariants: readonly InvariantReport[]): string | null {
  let latest: { event: number; text: string } | null = null;
  for (const invariant of invariants) {
    for (const violation of invariant.violations) {
      if (latest === null || violation.event >= latest.event) latest = { event: violation.event, text: `${invariant.name}: ${violation.message}` };
    }
  }
  return latest?.text ?? null;
}
