/** The plain-JSON picture of a simulation that inspect() returns: for the UI, the CLI and tests. */
import { microsecondsToMilliseconds } from '../core/time';
import type { PlainData } from '../core/plainData';
import type { NodeKind, NodeStatus } from '../protocol';
import type { InFlightMessage } from './events';
import type { LinkSettings } from './network';
import type { NetworkStats, World } from './world';

export interface LinkDescription {
  latencyMs: number;
  jitterMs: number;
  lossRatio: number;
  duplicationRatio: number;
  reorderRatio: number;
}

export interface NodeSnapshotView<State = unknown> {
  id: string;
  kind: NodeKind;
  status: NodeStatus;
  state: State | null;
  persistent: PlainData | null;
  timers: Array<{ key: string; dueAtMs: number; armedAtMs: number }>;
  /** True when state or persistent is the module's bounded frame view, not the whole (inspect({ compact: true })). */
  compacted?: boolean;
  clock: { skewMs: number; driftPpm: number; localTimeMs: number };
}

export interface NetworkDescription {
  defaults: LinkDescription;
  overrides: Array<{ from: string; to: string } & LinkDescription>;
  /** Directed links that are cut. */
  cut: Array<{ from: string; to: string }>;
  /** Directed links that are held. */
  held: Array<{ from: string; to: string }>;
}

export interface SimulationSnapshot<State = unknown> {
  module: string;
  timeMs: number;
  eventIndex: number;
  traceHash: string;
  traceCount: number;
  queueSize: number;
  nodes: NodeSnapshotView<State>[];
  network: NetworkDescription;
  inFlight: InFlightMessage[];
  stats: NetworkStats;
  summary: Record<string, PlainData>;
}

export function describeLink(settings: LinkSettings): LinkDescription {
  return {
    latencyMs: microsecondsToMilliseconds(settings.latencyUs),
    jitterMs: microsecondsToMilliseconds(settings.jitterUs),
    lossRatio: settings.lossPpm / 1_000_000,
    duplicationRatio: settings.duplicationPpm / 1_000_000,
    reorderRatio: settings.reorderPpm / 1_000_000,
  };
}

export function describeNetwork(world: World): NetworkDescription {
  const network = world.network;
  const description: NetworkDescription = { defaults: describeLink(network.state.defaults), overrides: [], cut: [], held: [] };
  for (const from of world.nodes) {
    for (const to of world.nodes) {
      const link = network.link(from.index, to.index);
      const override = network.state.overrides[link];
      if (override) description.overrides.push({ from: from.id, to: to.id, ...describeLink(override) });
      if (network.state.cut[link] === 1) description.cut.push({ from: from.id, to: to.id });
      if (network.state.held[link] === 1) description.held.push({ from: from.id, to: to.id });
    }
  }
  return description;
}
