/**
 * The lab's UI state (style.md §10). Two kinds of state live here:
 *  - the simulation mirror (`frame`, `module`, `trace`): read-only, replaced wholesale from
 *    each frame the worker sends; nothing in the UI edits it;
 *  - UI state (playing, speed, problems, notices, selection).
 * Every change goes through the pure updates below, so they can be tested without React.
 * Stores come from a factory: one per app instance (and per test), never a module global.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Frame, ModuleSummary, Scenario, ScenarioProblemView, StepTarget, TraceEvent } from '../../worker/api';

export type RunStatus = 'idle' | 'loading' | 'ready' | 'restoring' | 'failed';

/** What the problem panel shows: where the bad input came from and what is wrong with it. */
export interface ProblemReport {
  title: string;
  errors: ScenarioProblemView[];
}

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export interface LabState {
  frame: Frame | null;
  module: ModuleSummary | null;
  scenarioTitle: string | null;
  /** The most recent trace events, contiguous, oldest first (at most TRACE_WINDOW). */
  trace: readonly TraceEvent[];
  status: RunStatus;
  playing: boolean;
  /** Virtual milliseconds per real millisecond. */
  speed: number;
  problems: ProblemReport | null;
  notices: readonly Notice[];
  selectedNodeId: string | null;
  /** The scenario the current run was opened from (before live perturbations); the settings panel edits it. */
  openedScenario: Scenario | null;
  /** A trace file the user imported, shown read-only beside the run (export panel). */
  importedTrace: ImportedTraceView | null;
  /** The furthest position reached on this timeline: the scrubber spans 0 … furthestTimeMs. A fork shrinks it to the fork point. */
  furthestTimeMs: number;
  furthestEventIndex: number;
  /** The message shown in the inspector and highlighted in the views (shared by the canvas and the diagram). */
  selectedMessageId: number | null;
  /** What "step to the next event of a kind" looks for (the playback bar's choice, also used by Shift+→). */
  stepTarget: StepTarget;
  /** Chart samples, one per frame (thinned when long), oldest first; reset on load, cut back on a fork. */
  chartSamples: readonly ChartSample[];
}

/** Figures read from one frame for the charts: cumulative counters and module values by series name. */
export interface ChartSample {
  timeMs: number;
  values: Readonly<Record<string, number>>;
}

/** An imported trace file: its events as written, never fed to the engine. */
export interface ImportedTraceView {
  fileName: string;
  atMs: number;
  traceHash: string | null;
  nodes: readonly string[];
  trace: readonly TraceEvent[];
}

export type LabStore = StoreApi<LabState>;

export const TRACE_WINDOW = 5_000;
export const MINIMUM_SPEED = 0.001;
export const MAXIMUM_SPEED = 1_000;
const NOTICE_LIMIT = 4;

export const INITIAL_LAB_STATE: LabState = {
  frame: null,
  module: null,
  scenarioTitle: null,
  trace: [],
  status: 'idle',
  playing: false,
  speed: 1,
  problems: null,
  notices: [],
  selectedNodeId: null,
  openedScenario: null,
  importedTrace: null,
  furthestTimeMs: 0,
  furthestEventIndex: 0,
  selectedMessageId: null,
  stepTarget: 'state',
  chartSamples: [],
};

export function createLabStore(initial: Partial<LabState> = {}): LabStore {
  return createStore<LabState>()(() => ({ ...INITIAL_LAB_STATE, ...initial }));
}

let nextNoticeId = 1;

/** Pure state transitions: each takes the state and returns the fields that change. */
export const labUpdates = {
  loading(): Partial<LabState> {
    return { status: 'loading', playing: false };
  },

  loaded(module: ModuleSummary, scenarioTitle: string | null, frame: Frame): Partial<LabState> {
    return {
      status: 'ready',
      module,
      scenarioTitle,
      frame,
      trace: frame.newTrace,
      problems: null,
      selectedNodeId: null,
      selectedMessageId: null,
      furthestTimeMs: frame.timeMs,
      furthestEventIndex: frame.eventIndex,
      chartSamples: [],
    };
  },

  /** The mirror is replaced wholesale; the trace window grows by the frame's new events. */
  frame(state: LabState, frame: Frame): Partial<LabState> {
    const trace = frame.traceReset ? frame.newTrace : appendWindow(state.trace, frame.newTrace);
    const stoppedByViolation = frame.stoppedBy === 'violation';
    const furthest = isBeyond(frame, state.furthestTimeMs, state.furthestEventIndex) ? { furthestTimeMs: frame.timeMs, furthestEventIndex: frame.eventIndex } : {};
    return { frame, trace, playing: stoppedByViolation ? false : state.playing, ...furthest };
  },

  /**
   * An action applied in the past forked the timeline: what lay beyond this point no longer
   * exists, so the scrubber ends here and chart samples after it go.
   */
  forked(state: LabState, frame: Frame): Partial<LabState> {
    return {
      furthestTimeMs: frame.timeMs,
      furthestEventIndex: frame.eventIndex,
      chartSamples: state.chartSamples.filter((sample) => sample.timeMs <= frame.timeMs),
    };
  },

  selectMessage(messageId: number | null): Partial<LabState> {
    return { selectedMessageId: messageId };
  },

  stepTarget(target: StepTarget): Partial<LabState> {
    return { stepTarget: target };
  },

  problems(report: ProblemReport): Partial<LabState> {
    return { problems: report, playing: false, status: 'failed' };
  },

  clearProblems(state: LabState): Partial<LabState> {
    return { problems: null, status: state.frame === null ? 'idle' : 'ready' };
  },

  speed(speed: number): Partial<LabState> {
    const finite = Number.isFinite(speed) ? speed : 1;
    return { speed: Math.min(MAXIMUM_SPEED, Math.max(MINIMUM_SPEED, finite)) };
  },

  notice(state: LabState, tone: Notice['tone'], text: string): Partial<LabState> {
    const notice: Notice = { id: nextNoticeId++, tone, text };
    return { notices: [...state.notices, notice].slice(-NOTICE_LIMIT) };
  },

  dismissNotice(state: LabState, id: number): Partial<LabState> {
    return { notices: state.notices.filter((notice) => notice.id !== id) };
  },
};

/** Whether the run at `position` is past the furthest point (later in time, or later at the same time). */
export function isBeyond(position: { timeMs: number; eventIndex: number }, furthestTimeMs: number, furthestEventIndex: number): boolean {
  return position.timeMs > furthestTimeMs || (position.timeMs === furthestTimeMs && position.eventIndex > furthestEventIndex);
}

/** Whether the run at `position` is behind the furthest point reached: acting there forks the timeline. */
export function isBehind(position: { timeMs: number; eventIndex: number }, furthestTimeMs: number, furthestEventIndex: number): boolean {
  return position.timeMs < furthestTimeMs || (position.timeMs === furthestTimeMs && position.eventIndex < furthestEventIndex);
}

function appendWindow(kept: readonly TraceEvent[], added: readonly TraceEvent[]): readonly TraceEvent[] {
  if (added.length === 0) return kept;
  const joined = kept.length === 0 ? added : [...kept, ...added];
  return joined.length > TRACE_WINDOW ? joined.slice(joined.length - TRACE_WINDOW) : joined;
}
