/**
 * The simulation loop and its public surface. The loop reads as a list of verbs: apply the
 * actions that are due, judge liveness if a deadline passed, dispatch the next event, check
 * safety, take a checkpoint. Time travel restores a checkpoint and replays; acting in the
 * past forks the timeline (the old future's perturbations are discarded, as in RaftScope).
 */
import { boundedCopy, clonePlain, copiedValueCount, type PlainData } from '../core/plainData';
import { microsecondsToMilliseconds, millisecondsToMicroseconds, type Microseconds } from '../core/time';
import type { HistoryRecord, ModuleConfig, ProtocolModule } from '../protocol';
import type { Action, Scenario } from '../scenario/types';
import { applyAction } from './actions';
import { CheckerRunner, HistoryJudge, type InvariantReport } from './checking';
import { CheckpointStore } from './checkpoints';
import { faultSummary, restoreCheckpoint, takeCheckpoint, type Checkpoint } from './snapshot';
import { describeNetwork, type SimulationSnapshot } from './inspect';
import { World } from './world';
import type { TraceEvent } from './trace';
import type { QueuedEvent } from './events';
import type { LinkSettings } from './network';

export interface ResolvedEngineOptions {
  checkpointEvery: number;
  traceLimit: number;
  checkpointLimit: number;
  pauseOnViolation: boolean;
  livenessBoundMs: number;
  queueLimit: number;
  historyLimit: number;
}

/** Items of a growing collection a frame shows (Raft's log tail), and of an array in a message payload. */
const FRAME_COLLECTION_LIMIT = 64;
const FRAME_PAYLOAD_ARRAY_LIMIT = 8;

export const DEFAULT_ENGINE_OPTIONS: ResolvedEngineOptions = {
  checkpointEvery: 5_000,
  traceLimit: 200_000,
  checkpointLimit: 400,
  pauseOnViolation: true,
  livenessBoundMs: 10_000,
  queueLimit: 1_000_000,
  historyLimit: 100_000,
};

/** A scheduled action plus where it came from: the scenario, or the user during this session. */
export type ScheduledAction = Action & { origin?: 'scenario' | 'user' };

export interface RunResult {
  /** 'time' when the target time was reached, 'violation' when a safety checker stopped the run, 'idle' when nothing is left to do. */
  stoppedBy: 'time' | 'violation' | 'idle';
  violation: string | null;
}

export class Simulation {
  world: World;
  readonly options: ResolvedEngineOptions;
  schedule: ScheduledAction[];
  schedulePointer = 0;
  checkers: CheckerRunner;
  private readonly historyJudge: HistoryJudge;
  readonly checkpoints: CheckpointStore<Checkpoint>;
  /** When the last fault healed (null while any is active), and whether liveness was judged since. */
  healedAt: Microseconds | null = 0;
  livenessJudged = false;
  private lastViolation: string | null = null;

  constructor(
    readonly module: ProtocolModule,
    readonly scenario: Scenario,
    readonly config: ModuleConfig,
    defaults: LinkSettings,
    options: ResolvedEngineOptions,
    applyLinkOverrides: (world: World) => void,
  ) {
    this.options = options;
    this.world = new World(module, config, scenario.seed, defaults, options);
    applyLinkOverrides(this.world);
    this.checkers = new CheckerRunner(module.safetyCheckers(config), module.livenessCheckers(config));
    this.historyJudge = new HistoryJudge(module.historyCheckers?.(config) ?? []);
    this.schedule = stableSortByTime((scenario.schedule ?? []).map((action) => ({ ...action, origin: 'scenario' as const })));
    this.checkpoints = new CheckpointStore(options.checkpointEvery, options.checkpointLimit);
    this.checkpoints.add(takeCheckpoint(this));
  }

  get now(): Microseconds {
    return this.world.now;
  }

  get eventIndex(): number {
    return this.world.eventIndex;
  }

  /** Runs every event up to and including virtual time `ms`, then sets the clock to `ms`. */
  runUntil(ms: number, stopOnViolation = this.options.pauseOnViolation): RunResult {
    const target = millisecondsToMicroseconds(ms);
    this.lastViolation = null;
    for (;;) {
      const next = this.world.nextLive();
      const nextTime = next === undefined ? Infinity : next.time;
      const pointer = this.schedulePointer;
      if (this.applyDueActions(Math.min(nextTime, target + 1), stopOnViolation)) return this.stopped();
      // An applied action may have queued events earlier than `nextTime` (a forced timeout sends at once): look again.
      if (this.schedulePointer !== pointer) continue;
      if (next === undefined || nextTime > target) break;
      if (this.stepEvent(next) && stopOnViolation) return this.stopped();
    }
    if (target > this.world.now) this.world.now = target;
    this.judgeLivenessIfDue(target + 1);
    return { stoppedBy: 'time', violation: null };
  }

  /** Runs exactly one event (after any actions due before it). Returns false when the queue is empty. */
  step(): boolean {
    const next = this.world.nextLive();
    if (next === undefined) return false;
    this.applyDueActions(next.time, false);
    const head = this.world.nextLive();
    if (head === undefined) return false;
    this.stepEvent(head);
    return true;
  }

  /** Applies an action now. Acting in the past forks: perturbations made after this point are discarded. */
  apply(action: Action): void {
    const scheduled: ScheduledAction = { ...action, at: microsecondsToMilliseconds(this.now), afterEvent: this.eventIndex, origin: 'user' };
    const future = this.schedule.slice(this.schedulePointer).filter((entry) => entry.origin !== 'user');
    this.schedule = [...this.schedule.slice(0, this.schedulePointer), scheduled, ...future];
    this.checkpoints.discardAfter(this.eventIndex);
    this.world.trace.forgetFuture();
    this.world.history.forgetFuture();
    this.historyJudge.forget();
    this.applyDueActions(this.now, false);
  }

  /** Moves to virtual time `ms`, backwards through a checkpoint and replay, or forwards by running. */
  seek(ms: number): void {
    const target = millisecondsToMicroseconds(ms);
    // Backwards: restore and replay. Forwards: jump to a later checkpoint on this timeline
    // (the run was there before) rather than replaying everything from here.
    const checkpoint = this.checkpoints.atOrBeforeTime(target);
    if (checkpoint !== undefined && (target < this.now || checkpoint.eventIndex > this.eventIndex)) restoreCheckpoint(this, checkpoint);
    this.runUntil(ms, false);
  }

  /** Moves to just after event number `eventIndex` (0 = the start). */
  seekEvent(eventIndex: number): void {
    const checkpoint = this.checkpoints.atOrBeforeEvent(eventIndex);
    if (checkpoint !== undefined && (eventIndex < this.eventIndex || checkpoint.eventIndex > this.eventIndex)) restoreCheckpoint(this, checkpoint);
    while (this.eventIndex < eventIndex && this.step()) {
      // step() advances eventIndex by one each time.
    }
  }

  /**
   * Moves to an exact position: just after event `eventIndex`, with the clock at `ms` and the
   * actions that were due there applied, as the engine's own loop would have it. A position
   * reached by stepping (some events at one instant still to run, an action applied between
   * two of them) and one reached by running to a time are both reproduced exactly: a shared
   * link carries both numbers.
   */
  seekPosition(ms: number, eventIndex: number): void {
    this.seekEvent(eventIndex);
    const target = millisecondsToMicroseconds(ms);
    const next = this.world.nextLive();
    const limit = Math.min(next === undefined ? Infinity : next.time, target + 1);
    this.applyDueActions(limit, false);
    this.judgeLivenessIfDue(limit);
    if (limit > this.world.now) this.world.now = Math.min(target, limit);
  }

  traceHash(): string {
    return this.world.trace.hashHex();
  }

  trace(fromIndex?: number, toIndex?: number): TraceEvent[] {
    return this.world.trace.slice(fromIndex, toIndex);
  }

  history(): readonly HistoryRecord[] {
    return this.world.history.all();
  }

  /**
   * Every checker's status. History checkers (linearizability) judge the whole client history;
   * with `judgeHistory: false` they report only verdicts already known at this position
   * (else pending), so a seek never waits for them.
   */
  invariants(options: { judgeHistory?: boolean } = {}): InvariantReport[] {
    this.refreshView(-1);
    const running = this.checkers.report(this.world.view, faultSummary(this.world));
    const history = this.world.history.all();
    const judged = options.judgeHistory === false ? this.historyJudge.reportIfKnown(history) : this.historyJudge.report(history);
    return [...running, ...judged];
  }

  /**
   * Node states, network and messages as plain JSON. `compact` is for live displays that take
   * a picture every frame: states go through the module's frameState (Raft's log cut to its
   * tail) and message payloads are bounded, so a frame's size does not grow with the run.
   * With `payloadOf`, only that message keeps its payload (null: none does); the others are
   * listed without one, since a display shows one payload at a time and payloads were most
   * of a frame (about 100 KB with 240 Raft messages in flight).
   */
  inspect(options: { compact?: boolean; payloadOf?: number | null } = {}): SimulationSnapshot {
    const world = this.world;
    this.refreshView(-1);
    const compact = options.compact === true;
    const show = (value: unknown, part: 'state' | 'persistent'): unknown =>
      compact && this.module.frameState !== undefined && value !== null ? clonePlain(this.module.frameState(value, part, FRAME_COLLECTION_LIMIT)) : clonePlain(value);
    const inFlight = world.listInFlight(options.payloadOf);
    if (compact) for (const message of inFlight) if ('message' in message) message.message = boundedCopy(message.message, FRAME_PAYLOAD_ARRAY_LIMIT);
    return {
      module: this.module.name,
      timeMs: microsecondsToMilliseconds(world.now),
      eventIndex: world.eventIndex,
      traceHash: this.traceHash(),
      traceCount: world.trace.count,
      queueSize: world.queue.size,
      nodes: world.nodes.map((node) => ({
        id: node.id,
        kind: node.kind,
        status: node.status,
        state: show(node.state, 'state') as never,
        persistent: show(node.persistent, 'persistent') as PlainData | null,
        ...(compact && this.module.frameState !== undefined ? { compacted: true } : {}),
        timers: node.timers
          .save()
          .map(({ key, ...timer }) => ({ key, dueAtMs: microsecondsToMilliseconds(timer.dueAt), armedAtMs: microsecondsToMilliseconds(timer.armedAt) }))
          .sort((left, right) => left.dueAtMs - right.dueAtMs),
        clock: { skewMs: node.skewUs / 1000, driftPpm: node.driftPpm, localTimeMs: microsecondsToMilliseconds(node.localTime(world.now)) },
      })),
      network: describeNetwork(world),
      inFlight,
      stats: world.networkStats(),
      summary: this.module.summarize ? clonePlain(this.module.summarize(world.view)) : {},
    };
  }

  /** The scenario as it now stands: the original plus every perturbation still on this timeline. */
  currentScenario(viewAtMs?: number): Scenario {
    const schedule = this.schedule.map(({ origin: _origin, ...action }) => action as Action);
    return { ...this.scenario, schedule, ...(viewAtMs === undefined ? {} : { viewAtMs }) };
  }

  // --- The loop's verbs ----------------------------------------------------------------------

  /**
   * Dispatches `event`, which nextLive() just returned (so it is the queue's head), checks
   * safety, takes a checkpoint. Returns true on a new violation.
   */
  private stepEvent(event: QueuedEvent): boolean {
    const world = this.world;
    world.queue.pop();
    this.judgeLivenessIfDue(event.time);
    const changed = world.dispatch(event);
    const violated = this.checkSafety(changed);
    if (this.checkpoints.isDue(world.eventIndex)) this.checkpointNow();
    return violated;
  }

  /**
   * Takes a checkpoint, and at a few of them (2, 4, 8, …: isWarmUpPoint) continues the run
   * from it. Why: the first restore in a process replaces objects the optimizer assumed were
   * never reassigned (the queue's heap, every node's state), and V8 throws away the code built
   * on that assumption. Left to the first seek, that made the first seeks of a 1 M-event Raft
   * run replay at 0.1–0.3 M events/s instead of 1 M. Done here, during the run, it costs a
   * few restores in all, and the optimized code that follows already expects restored state.
   * Restoring the checkpoint just taken changes nothing a run can observe (the time-travel
   * invariant; timeTravel.test.ts compares runs with and without these points).
   */
  private checkpointNow(): void {
    const before = copiedValueCount();
    const checkpoint = takeCheckpoint(this);
    this.checkpoints.add(checkpoint, copiedValueCount() - before);
    if (this.checkpoints.isWarmUpPoint()) restoreCheckpoint(this, checkpoint);
  }

  /**
   * Applies scheduled actions due before an event at `nextTime`. A scripted action at time T
   * applies after every event at or before T; an action made while stepping also carries the
   * event count it followed, so replay puts it between the same two events.
   */
  private applyDueActions(nextTime: Microseconds, stopOnViolation: boolean): boolean {
    let limit = nextTime;
    for (;;) {
      const action = this.schedule[this.schedulePointer];
      if (action === undefined) return false;
      const at = millisecondsToMicroseconds(action.at);
      const due = limit > at || (action.afterEvent !== undefined && this.eventIndex >= action.afterEvent && limit >= at);
      if (!due) return false;
      this.schedulePointer++;
      this.judgeLivenessIfDue(at);
      if (at > this.world.now) this.world.now = at;
      const changed = applyAction(this.world, action);
      this.updateFaultState();
      if (this.checkSafety(changed) && stopOnViolation) return true;
      // The action may have queued events (a forced timeout sends at once); later actions wait for them.
      const head = this.world.nextLive();
      if (head !== undefined && head.time < limit) limit = head.time;
    }
  }

  private checkSafety(changedNode: number): boolean {
    this.refreshView(changedNode);
    const violation = this.checkers.afterEvent(this.world.view);
    if (violation === null) return false;
    this.lastViolation = violation;
    return true;
  }

  /** Liveness is judged once per healing, at exactly `healedAt + bound`, before anything later happens. */
  private judgeLivenessIfDue(upcomingTime: Microseconds): void {
    if (this.healedAt === null || this.livenessJudged || !this.checkers.hasLiveness) return;
    const deadline = this.healedAt + millisecondsToMicroseconds(this.options.livenessBoundMs);
    if (upcomingTime <= deadline) return;
    this.livenessJudged = true;
    this.refreshView(-1);
    const violation = this.checkers.judgeLiveness(this.world.view, deadline);
    if (violation !== null) this.lastViolation = violation;
  }

  private updateFaultState(): void {
    const active = faultSummary(this.world) !== null;
    if (active) {
      this.healedAt = null;
    } else if (this.healedAt === null) {
      this.healedAt = this.world.now;
      this.livenessJudged = false;
    }
  }

  private refreshView(changedNode: number): void {
    const view = this.world.view;
    view.now = this.world.now;
    view.eventIndex = this.world.eventIndex;
    view.changedNode = changedNode;
  }

  private stopped(): RunResult {
    return { stoppedBy: 'violation', violation: this.lastViolation };
  }
}

function stableSortByTime(actions: ScheduledAction[]): ScheduledAction[] {
  return actions
    .map((action, index) => ({ action, index }))
    .sort((left, right) => left.action.at - right.action.at || left.index - right.index)
    .map(({ action }) => action);
}
