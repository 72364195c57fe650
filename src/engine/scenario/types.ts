/**
 * The scenario document as the engine receives it: already validated (see src/scenario for
 * the schema, migration and URL codec). Every perturbation is an Action: the same value
 * whether it comes from a scenario file, a URL or a click in the lab.
 */
import type { ParameterValue } from '../parameters';

export const SCENARIO_VERSION = 1;

/** A node argument: a node id such as "n1", or a module selector such as "@leader". */
export type NodeReference = string;

export interface LinkSettingsInput {
  latencyMs?: number;
  jitterMs?: number;
  lossRatio?: number;
  duplicationRatio?: number;
  reorderRatio?: number;
}

export interface NetworkSettings extends LinkSettingsInput {
  /** Per-link overrides of the defaults above, one direction each. */
  links?: Array<LinkSettingsInput & { from: string; to: string }>;
}

export interface EngineOptions {
  /** Take a checkpoint every this many events (seek replays at most this many). */
  checkpointEvery?: number;
  /** Keep at most this many trace events; older ones are dropped, the hash still covers them. */
  traceLimit?: number;
  /** Keep at most this many checkpoints; beyond it, every other one is thinned out. */
  checkpointLimit?: number;
  /** Stop runUntil at the first safety violation. */
  pauseOnViolation?: boolean;
  /** Liveness checks fail if still pending this long after the last fault healed. */
  livenessBoundMs?: number;
  /** Refuse to hold more than this many events in the queue (a runaway protocol). */
  queueLimit?: number;
  /** Keep at most this many client history records. */
  historyLimit?: number;
}

export interface Scenario {
  version: number;
  module: string;
  title?: string;
  description?: string;
  seed: number;
  nodes: number;
  params?: Record<string, ParameterValue>;
  variants?: Record<string, ParameterValue>;
  workload?: Record<string, ParameterValue>;
  network?: NetworkSettings;
  schedule?: Action[];
  engine?: EngineOptions;
  /** The virtual time the sharer was looking at, for URLs; not used by the engine. */
  viewAtMs?: number;
}

interface ActionTiming {
  /** Virtual time in milliseconds (microsecond resolution) at which the action applies. */
  at: number;
  /**
   * For actions made while stepping event by event: apply right after this many events
   * have run, so replay reproduces the exact position between two events at the same time.
   */
  afterEvent?: number;
}

export type EngineAction =
  | { type: 'crash'; node: NodeReference }
  | { type: 'restart'; node: NodeReference }
  | { type: 'pause'; node: NodeReference }
  | { type: 'resume'; node: NodeReference }
  | { type: 'skew-clock'; node: NodeReference; skewMs: number; driftPpm?: number }
  | { type: 'timeout'; node: NodeReference }
  | { type: 'partition'; groups: NodeReference[][] }
  | { type: 'isolate'; node: NodeReference }
  | { type: 'cut'; from: NodeReference; to: NodeReference; oneWay?: boolean }
  | { type: 'repair'; from: NodeReference; to: NodeReference; oneWay?: boolean }
  | { type: 'heal' }
  | { type: 'hold'; from: NodeReference; to: NodeReference }
  | { type: 'release'; from: NodeReference; to: NodeReference }
  | { type: 'deliver'; message: number }
  | { type: 'drop'; message: number }
  | { type: 'duplicate'; message: number }
  | ({ type: 'network'; from?: NodeReference; to?: NodeReference } & LinkSettingsInput)
  | { type: 'client'; node?: NodeReference; request: Record<string, ParameterValue> };

/** A module-defined action such as `transfer-leadership`; its arguments are declared by the module. */
export interface ModuleAction {
  type: string;
  node?: NodeReference;
  [argument: string]: unknown;
}

export type Action = ActionTiming & (EngineAction | ModuleAction);

export const ENGINE_ACTION_TYPES = [
  'crash',
  'restart',
  'pause',
  'resume',
  'skew-clock',
  'timeout',
  'partition',
  'isolate',
  'cut',
  'repair',
  'heal',
  'hold',
  'release',
  'deliver',
  'drop',
  'duplicate',
  'network',
  'client',
] as const;

export type EngineActionType = (typeof ENGINE_ACTION_TYPES)[number];

export function isEngineAction(action: { type: string }): action is EngineAction {
  return (ENGINE_ACTION_TYPES as readonly string[]).includes(action.type);
}
