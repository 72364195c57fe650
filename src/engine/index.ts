/**
 * The engine's public surface, used by the worker, the CLI and tests.
 *
 *   const simulation = createSimulation(scenario);
 *   simulation.runUntil(2_000);          // virtual milliseconds
 *   simulation.apply({ type: 'crash', node: '@leader', at: 0 });
 *   simulation.seek(1_500);              // back in time: checkpoint + replay
 *   simulation.traceHash();
 *
 * The scenario must already be validated (src/scenario does that at the boundary);
 * createSimulation still refuses an unknown module with a ScenarioError.
 */
import { DEFAULT_LINK, applyLinkInput } from './sim/network';
import { DEFAULT_ENGINE_OPTIONS, Simulation, type ResolvedEngineOptions } from './sim/simulation';
import { findModule } from './protocols/registry';
import { resolveParameters } from './parameters';
import type { ModuleConfig, ProtocolModule } from './protocol';
import type { Scenario } from './scenario/types';
import type { World } from './sim/world';
import './protocols/index';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

export function createSimulation(scenario: Scenario, module?: ProtocolModule): Simulation {
  const chosen = module ?? findModule(scenario.module);
  if (chosen === undefined) throw new ScenarioError('module', `unknown module '${scenario.module}'`);
  const config = moduleConfig(chosen, scenario);
  const defaults = applyLinkInput(DEFAULT_LINK, scenario.network ?? {});
  const options: ResolvedEngineOptions = { ...DEFAULT_ENGINE_OPTIONS, ...stripUndefined(scenario.engine ?? {}) };
  const applyLinkOverrides = (world: World): void => {
    for (const link of scenario.network?.links ?? []) {
      const from = world.nodeIndex.get(link.from);
      const to = world.nodeIndex.get(link.to);
      if (from === undefined) throw new ScenarioError('network.links.from', `unknown node '${link.from}'`);
      if (to === undefined) throw new ScenarioError('network.links.to', `unknown node '${link.to}'`);
      world.network.state.overrides[world.network.link(from, to)] = applyLinkInput(defaults, link);
    }
  };
  return new Simulation(chosen, scenario, config, defaults, options, applyLinkOverrides);
}

export function moduleConfig(module: ProtocolModule, scenario: Scenario): ModuleConfig {
  return {
    nodeCount: scenario.nodes,
    params: resolveParameters(module.parameters, scenario.params),
    variants: resolveParameters(module.variants, scenario.variants),
    workload: resolveParameters(module.workload, scenario.workload),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

export { Simulation, DEFAULT_ENGINE_OPTIONS } from './sim/simulation';
export type { RunResult, ResolvedEngineOptions } from './sim/simulation';
export type { SimulationSnapshot, NodeSnapshotView, NetworkDescription, LinkDescription } from './sim/inspect';
export type { InvariantReport, Violation } from './sim/checking';
export type { TraceEvent, TraceKind } from './sim/trace';
export type { InFlightMessage } from './sim/events';
export type * from './protocol';
export type * from './scenario/types';
export type * from './parameters';
export { SCENARIO_VERSION, ENGINE_ACTION_TYPES, isEngineAction } from './scenario/types';
export { checkParameter, resolveParameters } from './parameters';
export { registerModule, findModule, moduleNames } from './protocols/registry';
export { Prng, hashString } from './core/prng';
export { canonicalJson, clonePlain } from './core/plainData';
export type { PlainData } from './core/plainData';
