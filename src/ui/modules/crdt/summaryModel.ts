/**
 * Reading the CRDT module's summary (engine: protocols/crdt/summary.ts) and invariant
 * reports into what the convergence panel and the charts show, and the chart series the
 * shared charts panel records per frame. Pure and defensive: a summary from another module
 * or an older engine reads as "nothing to show", never as an exception.
 */
import type { Frame, InvariantReport } from '../../../worker/api';
import type { SyncMode } from './replicaModel';

export const LOST_UPDATES_CHECKER = 'No lost updates (naive store)';

export interface ModeFigures {
  mode: SyncMode;
  converged: boolean;
  distinctValues: number;
  bytesSent: number;
  messagesSent: number;
  bytesPerUpdate: number;
  tombstones: number;
  tombstonesCollected: number;
  /** Delta mode: full states sent because a peer fell behind the buffer. */
  fullStatesSent: number | null;
  /** Op mode: operations waiting for their causal past. */
  pendingOperations: number | null;
}

export interface NaiveFigures {
  converged: boolean;
  distinctValues: number;
  writes: number;
  bytesSent: number;
}

export interface ConvergenceView {
  converged: boolean;
  /** Why not, in the engine's words (null when converged). */
  divergence: string | null;
  modes: ModeFigures[];
  naive: NaiveFigures | null;
}

type Summary = Frame['summary'];

const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const optionalNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function modeFigures(mode: SyncMode, figures: Record<string, unknown>): ModeFigures {
  return {
    mode,
    converged: figures.converged === true,
    distinctValues: number(figures.distinctValues),
    bytesSent: number(figures.bytesSent),
    messagesSent: number(figures.messagesSent),
    bytesPerUpdate: number(figures.bytesPerUpdate),
    tombstones: number(figures.tombstones),
    tombstonesCollected: number(figures.tombstonesCollected),
    fullStatesSent: optionalNumber(figures.fullStatesSent),
    pendingOperations: optionalNumber(figures.pendingOperations),
  };
}

export function readConvergence(summary: Summary | undefined): ConvergenceView | null {
  if (summary === undefined || typeof summary.converged !== 'boolean' || !isRecord(summary.modes)) return null;
  const modes: ModeFigures[] = [];
  for (const [mode, figures] of Object.entries(summary.modes as Record<string, unknown>)) if (isRecord(figures)) modes.push(modeFigures(mode as SyncMode, figures));
  const naive = isRecord(summary.naive)
    ? {
        converged: summary.naive.converged === true,
        distinctValues: number(summary.naive.distinctValues),
        writes: number(summary.naive.writes),
        bytesSent: isRecord(summary.bytesByMode) ? number(summary.bytesByMode.naive) : 0,
      }
    : null;
  return { converged: summary.converged, divergence: typeof summary.divergence === 'string' ? summary.divergence : null, modes, naive };
}

/** Lost updates counted by the naive store's checker, or null when the run has no naive store. */
export function lostUpdateCount(invariants: readonly InvariantReport[] | undefined): number | null {
  const report = invariants?.find((invariant) => invariant.name === LOST_UPDATES_CHECKER);
  return report === undefined ? null : report.violationCount;
}

/** Series names for the shared charts panel: short, with the mode in brackets. */
export function crdtChartSeries(frame: Frame): Record<string, number> {
  const view = readConvergence(frame.summary);
  if (view === null) return {};
  const series: Record<string, number> = {};
  for (const mode of view.modes) {
    series[`distinct states (${mode.mode})`] = mode.distinctValues;
    series[`bytes sent (${mode.mode})`] = mode.bytesSent;
    series[`tombstones (${mode.mode})`] = mode.tombstones;
  }
  if (view.naive !== null) {
    series['distinct states (naive)'] = view.naive.distinctValues;
    series['bytes sent (naive)'] = view.naive.bytesSent;
  }
  return series;
}

/** Bytes as "12.3 kB" / "870 B". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
