/**
 * The lab's UI state (style.md §10). Two kinds of state live here:
 *  - the simulation mirror (`frame`, `module`, `trace`): read-only, replaced wholesale from
 *    each frame the worker sends; nothing in the UI edits it;
 *  - UI state (playing, speed, problems, notices, selection).
 * Every change goes through the pure updates below, so they can be tested without React.
 * Stores come from a factory: one per app instance (and per test), never a module global.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Frame, ModuleSummary, ScenarioProblemView, TraceEvent } from '../../worker/api';

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
    return { status: 'ready', module, scenarioTitle, frame, trace: frame.newTrace, problems: null, selectedNodeId: null };
  },

  /** The mirror is replaced wholesale; the trace window grows by the frame's new events. */
  frame(state: LabState, frame: Frame): Partial<LabState> {
    const trace = frame.traceReset ? frame.newTrace : appendWindow(state.trace, frame.newTrace);
    const stoppedByViolation = frame.stoppedBy === 'violation';
    return { frame, trace, playing: stoppedByViolation ? false : state.playing };
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

function appendWindow(kept: readonly TraceEvent[], added: readonly TraceEvent[]): readonly TraceEvent[] {
  if (added.length === 0) return kept;
  const joined = kept.length === 0 ? added : [...kept, ...added];
  return joined.length > TRACE_WINDOW ? joined.slice(joined.length - TRACE_WINDOW) : joined;
}
