/**
 * The network panel's presets and slider settings as engine actions (pure). A preset is one
 * action, so it lands in the timeline (and a shared URL) exactly like a click elsewhere.
 */
import type { Action, ModuleSummary, NetworkDescription, NodeSnapshotView } from '../../../worker/api';

export type NetworkSetting = 'latencyMs' | 'jitterMs' | 'lossRatio' | 'duplicationRatio' | 'reorderRatio';

export interface SliderSpec {
  key: NetworkSetting;
  label: string;
  minimum: number;
  maximum: number;
  step: number;
  unit: 'ms' | 'ratio';
}

export const SLIDERS: readonly SliderSpec[] = [
  { key: 'latencyMs', label: 'Latency', minimum: 0, maximum: 500, step: 1, unit: 'ms' },
  { key: 'jitterMs', label: 'Jitter', minimum: 0, maximum: 250, step: 1, unit: 'ms' },
  { key: 'lossRatio', label: 'Loss', minimum: 0, maximum: 1, step: 0.01, unit: 'ratio' },
  { key: 'duplicationRatio', label: 'Duplication', minimum: 0, maximum: 1, step: 0.01, unit: 'ratio' },
  { key: 'reorderRatio', label: 'Reorder', minimum: 0, maximum: 1, step: 0.01, unit: 'ratio' },
];

export function formatSetting(spec: Pick<SliderSpec, 'unit'>, value: number): string {
  return spec.unit === 'ms' ? `${Number(value.toFixed(3))} ms` : `${Math.round(value * 100)} %`;
}

/** Changes one default for every link. */
export function settingAction(key: NetworkSetting, value: number): Action {
  const settings: Partial<Record<NetworkSetting, number>> = { [key]: value };
  return { type: 'network', ...settings, at: 0 };
}

/**
 * Which node "isolate" targets: the selected node, else the module's leader selector
 * ("@leader") when it has one; null when there is nothing sensible to isolate.
 */
export function isolateTarget(selectedNodeId: string | null, module: ModuleSummary | null): string | null {
  if (selectedNodeId !== null) return selectedNodeId;
  return module?.selectors?.includes('leader') === true ? '@leader' : null;
}

export function isolateAction(target: string): Action {
  return { type: 'isolate', node: target, at: 0 };
}

/**
 * Split brain: the servers in two halves, the larger first. Clients join the larger half
 * so they can still reach a majority side (unassigned nodes would form a third group).
 */
export function splitBrainAction(nodes: ReadonlyArray<Pick<NodeSnapshotView, 'id' | 'kind'>>): Action | null {
  const servers = nodes.filter((node) => node.kind === 'server').map((node) => node.id);
  const clients = nodes.filter((node) => node.kind === 'client').map((node) => node.id);
  if (servers.length < 2) return null;
  const larger = Math.ceil(servers.length / 2);
  return { type: 'partition', groups: [[...servers.slice(0, larger), ...clients], servers.slice(larger)], at: 0 };
}

/** Flaky network: a fifth of messages lost, some duplicated, and more jitter than before. */
export function flakyNetworkAction(defaults: Pick<NetworkDescription['defaults'], 'latencyMs' | 'jitterMs'>): Action {
  const jitterMs = Math.max(defaults.jitterMs * 2, defaults.latencyMs / 2, 10);
  return { type: 'network', lossRatio: 0.2, duplicationRatio: 0.05, jitterMs, at: 0 };
}
