/**
 * What the export panel writes. A trace export carries its scenario (with every perturbation
 * made so far), the time it was taken at and the trace hash there, so importing it replays the
 * same run and can tell whether the replay agrees with the file. Pure functions: no DOM.
 */
import type { HistoryRecord, Scenario, TraceEvent } from '../../../worker/api';
import { HISTORY_FORMAT, TRACE_FORMAT } from '../importer/importFile';

export const EXPORT_VERSION = 1;

export interface TraceExport {
  format: typeof TRACE_FORMAT;
  version: typeof EXPORT_VERSION;
  scenario: Scenario;
  atMs: number;
  traceHash: string;
  eventIndex: number;
  /** How many trace events the run had produced; `trace` may hold fewer (a window, or what the engine still keeps). */
  traceCount: number;
  trace: readonly TraceEvent[];
}

export interface HistoryExport {
  format: typeof HISTORY_FORMAT;
  version: typeof EXPORT_VERSION;
  module: string;
  atMs: number;
  /** Client operations in the Jepsen convention: invoke, then ok / fail / info. */
  history: readonly HistoryRecord[];
}

export interface RunPoint {
  scenario: Scenario;
  atMs: number;
  traceHash: string;
  eventIndex: number;
  traceCount: number;
}

export function traceExport(point: RunPoint, trace: readonly TraceEvent[]): TraceExport {
  // The time lives in atMs; a viewAtMs inside the scenario would only duplicate it.
  const { viewAtMs: _viewAtMs, ...scenario } = point.scenario;
  return { format: TRACE_FORMAT, version: EXPORT_VERSION, scenario, atMs: point.atMs, traceHash: point.traceHash, eventIndex: point.eventIndex, traceCount: point.traceCount, trace };
}

export function historyExport(module: string, atMs: number, history: readonly HistoryRecord[]): HistoryExport {
  return { format: HISTORY_FORMAT, version: EXPORT_VERSION, module, atMs, history };
}

/** "faultline-raft-trace-at-1500ms.json": safe in any file system (module names are lowercase words). */
export function exportFileName(module: string, kind: 'trace' | 'full-trace' | 'history' | 'diagram', atMs: number, extension = 'json'): string {
  const safeModule = module.replace(/[^a-z0-9-]/gi, '') || 'run';
  const time = String(Math.round(atMs * 1000) / 1000).replace('.', '_');
  return `faultline-${safeModule}-${kind}-at-${time}ms.${extension}`;
}

/** The diagram's default window: the last second before the time being viewed. */
export function defaultDiagramWindow(timeMs: number): { fromMs: number; toMs: number } {
  return { fromMs: Math.max(0, timeMs - 1_000), toMs: timeMs };
}

/**
 * True when `trace` (contiguous, oldest first) holds every event from `fromMs` on: it starts
 * at the run's first event, or its first event is earlier than the window.
 */
export function traceCoversWindow(trace: readonly TraceEvent[], fromMs: number): boolean {
  const first = trace[0];
  if (first === undefined) return true;
  return first.index === 0 || first.time < fromMs * 1000;
}

/** A window the user typed: both times finite, non-negative and in order. */
export function validWindow(fromMs: number, toMs: number): string | null {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return 'Both times must be numbers.';
  if (fromMs < 0) return 'The window cannot start before 0 ms.';
  if (toMs <= fromMs) return 'The window must end after it starts.';
  return null;
}
