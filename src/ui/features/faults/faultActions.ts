/**
 * The fault menus as data: which engine actions a node or a link offers in its current
 * state. Pure, so the menus and their tests agree on what each choice sends. Every action
 * carries `at: 0`; the engine stamps the current virtual time when it applies it (and an
 * action made in the past forks the timeline).
 */
import type { Action, ModuleSummary, NodeSnapshotView } from '../../../worker/api';
import type { DirectionState } from '../topology/linkState';

export interface FaultChoice {
  /** Stable id for data-testid: "crash", "cut-n1-n2", … */
  id: string;
  label: string;
  action: Action;
}

export function nodeChoices(node: Pick<NodeSnapshotView, 'id' | 'status'>, module: ModuleSummary | null): FaultChoice[] {
  const choices: FaultChoice[] = [];
  const add = (id: string, label: string, action: Action): void => void choices.push({ id, label, action });
  if (node.status === 'crashed') add('restart', 'Restart', { type: 'restart', node: node.id, at: 0 });
  else add('crash', 'Crash', { type: 'crash', node: node.id, at: 0 });
  if (node.status === 'up') add('pause', 'Pause', { type: 'pause', node: node.id, at: 0 });
  if (node.status === 'paused') add('resume', 'Resume', { type: 'resume', node: node.id, at: 0 });
  const timer = module?.forceableTimer ?? null;
  if (timer !== null && node.status === 'up') add('timeout', `Force ${timer} timeout`, { type: 'timeout', node: node.id, at: 0 });
  add('isolate', 'Isolate from everyone', { type: 'isolate', node: node.id, at: 0 });
  return choices;
}

export function skewClockAction(nodeId: string, skewMs: number, driftPpm: number): Action {
  return { type: 'skew-clock', node: nodeId, skewMs, driftPpm, at: 0 };
}

/** Link choices for the pair a–b, given the state of each direction. */
export function linkChoices(a: string, b: string, forward: DirectionState, backward: DirectionState): FaultChoice[] {
  const choices: FaultChoice[] = [];
  const add = (id: string, label: string, action: Action): void => void choices.push({ id, label, action });
  if (forward !== 'cut') add(`cut-${a}-${b}`, `Cut ${a}→${b}`, { type: 'cut', from: a, to: b, oneWay: true, at: 0 });
  if (backward !== 'cut') add(`cut-${b}-${a}`, `Cut ${b}→${a}`, { type: 'cut', from: b, to: a, oneWay: true, at: 0 });
  if (forward !== 'cut' && backward !== 'cut') add('cut-both', 'Cut both ways', { type: 'cut', from: a, to: b, at: 0 });
  if (forward === 'cut' || backward === 'cut') add('repair', 'Repair', { type: 'repair', from: a, to: b, at: 0 });
  for (const [from, to, state] of [
    [a, b, forward],
    [b, a, backward],
  ] as const) {
    if (state === 'held') add(`release-${from}-${to}`, `Release ${from}→${to}`, { type: 'release', from, to, at: 0 });
    else add(`hold-${from}-${to}`, `Hold ${from}→${to}`, { type: 'hold', from, to, at: 0 });
  }
  return choices;
}

export function deliverAction(messageId: number): Action {
  return { type: 'deliver', message: messageId, at: 0 };
}

export function dropAction(messageId: number): Action {
  return { type: 'drop', message: messageId, at: 0 };
}

export function duplicateAction(messageId: number): Action {
  return { type: 'duplicate', message: messageId, at: 0 };
}

export function healAction(): Action {
  return { type: 'heal', at: 0 };
}

/** Group labels the partition tool cycles through. */
export const PARTITION_GROUPS = ['A', 'B', 'C'] as const;
export type PartitionGroup = (typeof PARTITION_GROUPS)[number];

/** none → A → B → C → none. */
export function nextGroup(current: PartitionGroup | undefined): PartitionGroup | undefined {
  if (current === undefined) return 'A';
  const index = PARTITION_GROUPS.indexOf(current);
  return PARTITION_GROUPS[index + 1];
}

/**
 * The partition action for a drawing: one group per label that has nodes, in A, B, C order,
 * nodes in node order. Nodes left unassigned form one more group (the engine's rule). Null
 * when the drawing would not split anything.
 */
export function partitionAction(assignment: Readonly<Record<string, PartitionGroup | undefined>>, nodeOrder: readonly string[]): Action | null {
  const groups = PARTITION_GROUPS.map((label) => nodeOrder.filter((id) => assignment[id] === label)).filter((group) => group.length > 0);
  const unassigned = nodeOrder.filter((id) => assignment[id] === undefined).length;
  if (groups.length + (unassigned > 0 ? 1 : 0) < 2) return null;
  return { type: 'partition', groups, at: 0 };
}
