/**
 * The lab's controller: the only code that talks to the simulation worker. It turns what
 * the address asks for and what the user does into worker calls, and every answer into a
 * store update (the UI reads snapshots; it never mutates the model, style.md §9).
 *
 * Worker calls run one at a time, in order; playback asks for a frame only when nothing is
 * waiting, so there is at most one frame request in flight. When the watchdog loses the
 * worker, recovery starts a new one, reloads the current scenario (with every perturbation
 * applied so far) and restores the last known position before any other call runs.
 */
import { WorkerLostError, type SimulationClient } from '../bridge/simulationClient';
import type { Action, DebugCommand, Frame, Scenario, SimulationWorkerApi } from '../../worker/api';
import { DEFAULT_HASH, resolveLocationHash, type FetchText } from '../routing/openRequest';
import { encodeScenarioHash } from '../../scenario/index';
import type { HistoryRecord, TraceEvent } from '../../worker/api';
import type { ImportedTraceView } from '../store/labStore';
import { isBehind, labUpdates, type LabStore, type Notice, type ProblemReport } from '../store/labStore';
import type { StepTarget, StepUntilResult } from '../../worker/api';
import { PlaybackLoop, type AnimationScheduler } from './playbackLoop';

export interface LabEnvironment {
  location: { hash(): string; setHash(hash: string): void; onHashChange(listener: () => void): () => void };
  /** Where public/ is served from, ending in '/'. */
  baseUrl: string;
  fetchText: FetchText;
  animation: AnimationScheduler;
}

type Method = keyof SimulationWorkerApi;
type Answer<M extends Method> = Awaited<ReturnType<SimulationWorkerApi[M]>>;

/** How far "step to the next event of a kind" looks before giving up, in events. */
const STEP_UNTIL_DEFAULT_EVENTS = 200_000;

/** After this many worker losses in one run, recovery gives up: the run itself probably breaks the worker. */
const MAXIMUM_RECOVERIES = 3;

/**
 * History checkers are judged this long (wall-clock ms) after time travel comes to rest. They
 * judge the whole client history (about 80 ms late in a 1 M-event Raft run), and the worker
 * answers calls in order: asked after every seek, a drag along the scrubber would queue one
 * behind each seek.
 */
const HISTORY_JUDGEMENT_DELAY_MS = 200;

export class LabController {
  private readonly client: SimulationClient;
  private readonly playback: PlaybackLoop;
  /** The scenario as it now stands (original plus perturbations), kept here because a lost worker cannot be asked. */
  private recoveryScenario: Scenario | null = null;
  private recoveriesThisRun = 0;
  private recovery: Promise<void> | null = null;
  private openToken = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private callsWaiting = 0;
  private pendingRealMs = 0;
  private stopListening: (() => void) | null = null;
  private stopWatchingSelection: (() => void) | null = null;
  private historyJudgement: ReturnType<typeof setTimeout> | null = null;
  private readonly appliedListeners = new Set<(action: Action, frame: Frame) => void>();

  constructor(
    private readonly store: LabStore,
    createClient: (onLost: (reason: string) => void) => SimulationClient,
    private readonly environment: LabEnvironment,
  ) {
    this.client = createClient((reason) => this.recover(reason));
    this.playback = new PlaybackLoop(environment.animation, (elapsed) => this.advanceBy(elapsed));
  }

  start(): void {
    const location = this.environment.location;
    this.stopListening = location.onHashChange(() => void this.openHash(location.hash()));
    // Whoever selects a message (canvas, list, inspector), frames then carry its payload.
    this.stopWatchingSelection = this.store.subscribe((state, previous) => {
      if (state.selectedMessageId !== previous.selectedMessageId) void this.watchMessage(state.selectedMessageId);
    });
    void this.openHash(location.hash());
  }

  dispose(): void {
    this.cancelHistoryJudgement();
    this.playback.stop();
    this.stopListening?.();
    this.stopWatchingSelection?.();
    this.client.dispose();
  }

  // --- Opening runs ----------------------------------------------------------------------------

  async openHash(hash: string): Promise<void> {
    const token = ++this.openToken;
    this.pause();
    this.update(labUpdates.loading());
    const plan = await resolveLocationHash(hash, this.environment.baseUrl, this.environment.fetchText);
    if (token !== this.openToken) return;
    if (plan.kind === 'problems') return this.showProblems(plan.report);
    const loaded = await this.call('load', plan.scenario);
    if (token !== this.openToken || loaded === null) return;
    if (!loaded.ok) return this.showProblems({ title: 'This scenario cannot run', errors: loaded.errors });
    this.recoveryScenario = plan.scenario;
    this.recoveriesThisRun = 0;
    this.store.setState({ openedScenario: plan.scenario });
    this.update(labUpdates.loaded(loaded.module, plan.scenario.title ?? null, loaded.frame));
    if (plan.viewAtMs !== null) {
      // A shared time: show exactly that instant, paused (the same run the CLI computes with --until).
      // With e= the link pins the exact position between events (Simulation.seekPosition).
      const frame =
        plan.viewAtEvent === null ? await this.call('seek', plan.viewAtMs) : await this.call('restore', { timeMs: plan.viewAtMs, eventIndex: plan.viewAtEvent });
      if (token === this.openToken && frame !== null) this.receiveAfterTimeTravel(frame);
    } else if (!plan.paused) {
      this.play();
    }
  }

  openDefault(): void {
    const location = this.environment.location;
    if (location.hash() === DEFAULT_HASH) void this.openHash(DEFAULT_HASH);
    else location.setHash(DEFAULT_HASH);
  }

  dismissProblems(): void {
    this.update(labUpdates.clearProblems(this.store.getState()));
  }

  // --- Playback and commands ---------------------------------------------------------------------

  play(): void {
    const state = this.store.getState();
    if (state.frame === null || state.status !== 'ready') return;
    this.store.setState({ playing: true });
    this.pendingRealMs = 0;
    this.playback.start();
  }

  pause(): void {
    this.playback.stop();
    if (this.store.getState().playing) this.store.setState({ playing: false });
  }

  togglePlay(): void {
    if (this.store.getState().playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.update(labUpdates.speed(speed));
  }

  async step(): Promise<void> {
    this.pause();
    const frame = await this.call('step');
    if (frame !== null) this.receive(frame);
  }

  async seek(ms: number): Promise<void> {
    const frame = await this.call('seek', ms);
    if (frame !== null) this.receiveAfterTimeTravel(frame);
  }

  /** Every user perturbation is an engine command at the current virtual time. */
  async apply(action: Action): Promise<void> {
    const frame = await this.call('apply', action);
    if (frame === null) return;
    const before = this.store.getState();
    // Acting behind the furthest point reached forks the timeline (the engine drops the old future's perturbations).
    const forked = isBehind(frame, before.furthestTimeMs, before.furthestEventIndex);
    this.receive(frame);
    for (const listener of this.appliedListeners) listener(action, frame);
    if (forked) {
      this.update(labUpdates.forked(this.store.getState(), frame));
      this.notify('info', `Forked at t=${formatForkTime(frame.timeMs)} ms: later perturbations discarded`);
    }
    const scenario = await this.call('currentScenario');
    if (scenario !== null) this.recoveryScenario = scenario;
  }

  /** Calls `listener` after each user action the engine applied, with the frame it produced (the screen-reader announcer listens). */
  onApplied(listener: (action: Action, frame: Frame) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  // --- Playback: stepping by kind, by event, and selection -----------------------------------------

  /** Runs to the next event that produces one of `kinds` (bounded by `maxEvents`); says so when none came. */
  async stepUntil(kinds: StepTarget[], maxEvents = STEP_UNTIL_DEFAULT_EVENTS): Promise<StepUntilResult['outcome'] | null> {
    this.pause();
    const result = await this.call('stepUntil', kinds, maxEvents);
    if (result === null) return null;
    this.receive(result.frame);
    if (result.outcome === 'limit') this.notify('info', `No ${kinds.join(' or ')} event in the next ${result.eventsRun.toLocaleString('en')} events; stopped at ${formatTime(result.frame.timeMs)}.`);
    if (result.outcome === 'idle') this.notify('info', `Nothing is left to run: no ${kinds.join(' or ')} event came.`);
    return result.outcome;
  }

  /** Moves to just after event number `eventIndex` (backwards through a checkpoint and replay). */
  async seekEvent(eventIndex: number): Promise<void> {
    const frame = await this.call('seekEvent', Math.max(0, Math.floor(eventIndex)));
    if (frame !== null) this.receiveAfterTimeTravel(frame);
  }

  /** One event back: replays the run to the event before the current one. */
  async stepBack(): Promise<void> {
    this.pause();
    const eventIndex = this.store.getState().frame?.eventIndex ?? 0;
    if (eventIndex > 0) await this.seekEvent(eventIndex - 1);
  }

  selectMessage(messageId: number | null): void {
    this.update(labUpdates.selectMessage(messageId));
  }

  /** Frames list every message in flight, but carry only the selected one's payload (the inspector shows it). */
  private async watchMessage(messageId: number | null): Promise<void> {
    const frame = await this.call('watchMessage', messageId);
    const state = this.store.getState();
    if (frame === null || state.status !== 'ready' || state.frame === null || state.selectedMessageId !== messageId) return;
    this.receive(frame);
  }

  setStepTarget(target: StepTarget): void {
    this.update(labUpdates.stepTarget(target));
  }

  // --- Sharing, export, import and settings ----------------------------------------------------------

  /** One node's whole state and persistent state (frames carry a bounded view of big states). */
  async nodeInFull(nodeId: string): Promise<{ state: unknown; persistent: unknown } | null> {
    const snapshot = await this.call('snapshot');
    const node = snapshot?.nodes.find((candidate) => candidate.id === nodeId);
    return node === undefined ? null : { state: node.state, persistent: node.persistent };
  }

  /** The scenario plus every perturbation on the current timeline (what a shared link carries). */
  currentScenario(viewAtMs?: number): Promise<Scenario | null> {
    return this.call('currentScenario', viewAtMs);
  }

  /** Trace events with index in [fromIndex, toIndex), as far as the worker still keeps them. */
  traceWindow(fromIndex: number, toIndex: number): Promise<TraceEvent[] | null> {
    return this.call('traceWindow', fromIndex, toIndex);
  }

  history(): Promise<HistoryRecord[] | null> {
    return this.call('history');
  }

  /** Opens a validated scenario as a new run by putting it in the address (#s=…), so the URL always says what runs. */
  openScenario(scenario: Scenario, viewAtMs?: number): void {
    const hash = encodeScenarioHash(scenario, viewAtMs);
    const location = this.environment.location;
    if (location.hash() === hash) void this.openHash(hash);
    else location.setHash(hash);
  }

  /** Shows what is wrong with some input (a file, a setting); the current run stays in the worker. */
  reportProblems(report: ProblemReport): void {
    this.showProblems(report);
  }

  showImportedTrace(view: ImportedTraceView | null): void {
    this.store.setState({ importedTrace: view });
  }

  announce(tone: Notice['tone'], text: string): void {
    this.notify(tone, text);
  }

  dismissNotice(id: Notice['id']): void {
    this.update(labUpdates.dismissNotice(this.store.getState(), id));
  }

  // --- Test hooks (reachable only through testing/testHooks.ts in e2e builds) -------------------

  debugWorker(command: DebugCommand): Promise<unknown> {
    return this.call('debug', command);
  }

  setCallTimeout(ms: number): void {
    this.client.setCallTimeout(ms);
  }

  get workerGeneration(): number {
    return this.client.generation;
  }

  // --- Internals ---------------------------------------------------------------------------------

  /** One animation frame of playback: at most one advanceTo in flight, never one call per event. */
  private advanceBy(elapsedRealMs: number): void {
    this.pendingRealMs += elapsedRealMs;
    const state = this.store.getState();
    if (this.callsWaiting > 0 || state.frame === null || !state.playing) return;
    const target = state.frame.timeMs + this.pendingRealMs * state.speed;
    this.pendingRealMs = 0;
    if (target <= state.frame.timeMs) return;
    // Received even if the user paused meanwhile: the worker did move, and the mirror must say where.
    void this.call('advanceTo', Math.round(target * 1000) / 1000).then((frame) => {
      if (frame !== null) this.receive(frame);
    });
  }

  /**
   * A time-travel frame arrives before the client history is judged (the worker defers
   * linearizability so seeking stays fast); the full verdicts follow in a second call, made
   * once the run has stayed at that position for HISTORY_JUDGEMENT_DELAY_MS, and replace the
   * frame's invariants if the run is still there.
   */
  private receiveAfterTimeTravel(frame: Frame): void {
    this.receive(frame);
    this.cancelHistoryJudgement();
    if (!frame.invariants.some((report) => report.pending === 'not judged yet at this position')) return;
    this.historyJudgement = setTimeout(() => {
      this.historyJudgement = null;
      if (isAt(this.store.getState().frame, frame)) void this.judgeHistory(frame);
    }, HISTORY_JUDGEMENT_DELAY_MS);
  }

  private async judgeHistory(frame: Frame): Promise<void> {
    const invariants = await this.call('invariants');
    const current = this.store.getState().frame;
    if (invariants === null || current === null || !isAt(current, frame)) return;
    this.store.setState({ frame: { ...current, invariants } });
  }

  private cancelHistoryJudgement(): void {
    if (this.historyJudgement !== null) clearTimeout(this.historyJudgement);
    this.historyJudgement = null;
  }

  private receive(frame: Frame): void {
    this.update(labUpdates.frame(this.store.getState(), frame));
    if (frame.stoppedBy === 'violation') {
      this.pause();
      this.notify('warning', `An invariant was violated at ${formatTime(frame.timeMs)}: ${frame.violation ?? 'see the invariant panel'}. The run is paused.`);
    }
  }

  /** Runs worker calls one at a time, in order. Answers null when the call failed (already reported). */
  private call<M extends Method>(method: M, ...args: Parameters<SimulationWorkerApi[M]>): Promise<Answer<M> | null> {
    this.callsWaiting++;
    const run = async (): Promise<Answer<M> | null> => {
      try {
        if (this.recovery !== null) await this.recovery;
        return await this.client.call(method, ...args);
      } catch (error) {
        if (!(error instanceof WorkerLostError)) this.notify('error', `The simulation refused '${method}': ${errorText(error)}`);
        return null;
      } finally {
        this.callsWaiting--;
      }
    };
    const result = this.queue.then(run);
    this.queue = result;
    return result;
  }

  /** The watchdog lost the worker: start a new one and put the run back where it was. */
  private recover(reason: string): void {
    const wasPlaying = this.store.getState().playing;
    const position = this.store.getState().frame;
    const scenario = this.recoveryScenario;
    this.pause();
    this.client.restart();
    this.recoveriesThisRun++;
    if (scenario === null) return this.notify('warning', `The simulation worker was restarted: ${reason}.`);
    if (this.recoveriesThisRun > MAXIMUM_RECOVERIES) {
      return this.showProblems({ title: 'The simulation keeps failing', errors: [{ field: 'worker', problem: `was lost ${this.recoveriesThisRun} times in this run; the last time ${reason}` }] });
    }
    this.store.setState({ status: 'restoring' });
    const recovery: Promise<void> = this.restore(scenario, position, reason, wasPlaying).finally(() => {
      if (this.recovery === recovery) this.recovery = null;
    });
    this.recovery = recovery;
  }

  private async restore(scenario: Scenario, position: Frame | null, reason: string, wasPlaying: boolean): Promise<void> {
    try {
      const loaded = await this.client.call('load', scenario);
      if (!loaded.ok) return this.showProblems({ title: 'The run could not be restored', errors: loaded.errors });
      const watched = this.store.getState().selectedMessageId;
      if (watched !== null) await this.client.call('watchMessage', watched);
      const frame = position === null ? loaded.frame : await this.client.call('restore', { timeMs: position.timeMs, eventIndex: position.eventIndex });
      this.store.setState({ status: 'ready' });
      this.receiveAfterTimeTravel({ ...frame, traceReset: true });
      this.notify('warning', `${capitalize(reason)}. It was restarted and the run restored at ${formatTime(frame.timeMs)}.`);
      if (wasPlaying) this.play();
    } catch (error) {
      // A second loss during recovery starts its own recovery through onLost; anything else is reported.
      if (!(error instanceof WorkerLostError)) this.notify('error', `The run could not be restored: ${errorText(error)}`);
    }
  }

  private showProblems(report: ProblemReport): void {
    this.pause();
    this.update(labUpdates.problems(report));
  }

  private notify(tone: Notice['tone'], text: string): void {
    this.update(labUpdates.notice(this.store.getState(), tone, text));
  }

  private update(change: Partial<ReturnType<LabStore['getState']>>): void {
    this.store.setState(change);
  }
}

export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** Milliseconds with at most three decimals, without trailing zeros: 1234.5 → "1234.5". */
function formatForkTime(ms: number): string {
  return String(Math.round(ms * 1000) / 1000);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when `current` shows the same position as `frame`. */
function isAt(current: Frame | null, frame: Frame): boolean {
  return current !== null && current.eventIndex === frame.eventIndex && current.timeMs === frame.timeMs;
}
