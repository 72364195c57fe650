/**
 * A fluent harness for scenario tests (style.md §14):
 *
 *   const run = cluster({ module: 'ping', nodes: 3, seed: 4 }).at(100).crash('n2').runUntil(500);
 *   expect(run.node('n2').status).toBe('crashed');
 *
 * Actions queued with at()/crash()/... go into the scenario's schedule, so what a test
 * builds is an ordinary scenario that also replays through URLs and the CLI.
 */
import { createSimulation } from '../index';
import type { ProtocolModule } from '../protocol';
import type { Action, NetworkSettings, Scenario } from '../scenario/types';
import type { Simulation } from '../sim/simulation';
import type { NodeSnapshotView } from '../sim/inspect';

export interface ClusterOptions {
  module: string | ProtocolModule;
  nodes: number;
  seed?: number;
  params?: Scenario['params'];
  variants?: Scenario['variants'];
  workload?: Scenario['workload'];
  network?: NetworkSettings;
  engine?: Scenario['engine'];
}

export class ClusterBuilder {
  private time = 0;
  private readonly schedule: Action[] = [];

  constructor(private readonly options: ClusterOptions) {}

  at(ms: number): this {
    this.time = ms;
    return this;
  }

  act(action: Record<string, unknown> & { type: string }): this {
    this.schedule.push({ ...action, at: this.time } as Action);
    return this;
  }

  crash(node: string): this {
    return this.act({ type: 'crash', node });
  }

  restart(node: string): this {
    return this.act({ type: 'restart', node });
  }

  isolate(node: string): this {
    return this.act({ type: 'isolate', node });
  }

  partition(...groups: string[][]): this {
    return this.act({ type: 'partition', groups });
  }

  heal(): this {
    return this.act({ type: 'heal' });
  }

  scenario(): Scenario {
    const module = typeof this.options.module === 'string' ? this.options.module : this.options.module.name;
    const { module: _module, seed, ...rest } = this.options;
    return { version: 1, module, seed: seed ?? 1, ...rest, schedule: [...this.schedule] };
  }

  build(): ClusterRun {
    const module = typeof this.options.module === 'string' ? undefined : this.options.module;
    return new ClusterRun(createSimulation(this.scenario(), module));
  }

  runUntil(ms: number): ClusterRun {
    return this.build().runUntil(ms);
  }
}

export class ClusterRun {
  constructor(readonly simulation: Simulation) {}

  runUntil(ms: number): this {
    this.simulation.runUntil(ms, false);
    return this;
  }

  node<State = unknown>(id: string): NodeSnapshotView<State> {
    const node = this.simulation.inspect().nodes.find((candidate) => candidate.id === id);
    if (node === undefined) throw new Error(`no node ${id}`);
    return node as NodeSnapshotView<State>;
  }

  get hash(): string {
    return this.simulation.traceHash();
  }
}

export function cluster(options: ClusterOptions): ClusterBuilder {
  return new ClusterBuilder(options);
}
