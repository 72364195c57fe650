/**
 * Golden traces from a tiny command language (style.md §13, after etcd-io/raft's
 * interaction_test.go and its testdata/*.txt). A test file is a list of blocks:
 *
 *   # a comment
 *   add-nodes 3
 *   ----
 *   ok
 *
 * Each command runs against one simulation; its output (the messages sent with their
 * contents, drops, timers, state notes and faults that followed, or a status table) is
 * compared with the text under `----`. Running with an update flag rewrites the file; only
 * commit diffs you understand. Commands:
 *
 *   add-nodes N [name=value ...]    a fresh cluster (parameters or variants of the module)
 *   campaign nX                     force nX's election timeout
 *   propose nX put|append K V | get K | cas K EXPECTED NEW
 *   partition nA nB | nC ...        cut the network into groups
 *   isolate nX | crash nX | restart nX | heal
 *   stabilize                       run until no message is in flight
 *   run MS                          advance virtual time by MS milliseconds
 *   status                          one line per server from its `describe` hook
 *
 * This file is pure: reading and writing the text files is the test's business.
 */
import { createSimulation } from '../index';
import type { ProtocolModule } from '../protocol';
import type { Action, Scenario } from '../scenario/types';
import type { Simulation } from '../sim/simulation';
import type { TraceEvent } from '../sim/trace';

export interface InteractionCase {
  command: string;
  expected: string;
}

export interface InteractionOptions {
  module: ProtocolModule;
  /** Settings every `add-nodes` starts from (the command's own name=value pairs override them). */
  defaults?: Partial<Scenario>;
  /** One line per node for `status`. */
  describeNode(id: string, state: unknown, status: string): string;
}

const SEPARATOR = '----';
/** Safety net for `stabilize`: a protocol that never goes quiet is a bug worth a clear message. */
const STABILIZE_LIMIT = 100_000;

export function parseInteractions(text: string): InteractionCase[] {
  const cases: InteractionCase[] = [];
  const lines = text.split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = (lines[index] as string).trim();
    index++;
    if (line === '' || line.startsWith('#')) continue;
    if ((lines[index] ?? '').trim() !== SEPARATOR) throw new Error(`line ${index}: expected '${SEPARATOR}' after '${line}'`);
    index++;
    const output: string[] = [];
    while (index < lines.length && (lines[index] as string) !== '') output.push(lines[index++] as string);
    cases.push({ command: line, expected: output.join('\n') });
  }
  return cases;
}

export function formatInteractions(cases: readonly InteractionCase[]): string {
  return cases.map((entry) => `${entry.command}\n${SEPARATOR}\n${entry.expected}\n`).join('\n');
}

/** Runs every command in order and returns the cases with the output actually produced. */
export function runInteractions(cases: readonly InteractionCase[], options: InteractionOptions): InteractionCase[] {
  const runner = new InteractionRunner(options);
  return cases.map((entry) => ({ command: entry.command, expected: runner.execute(entry.command) }));
}

class InteractionRunner {
  private simulation: Simulation | null = null;
  private traceMark = 0;
  /** Messages in the order the engine sent them, captured through messageType (called once per send). */
  private sent: unknown[] = [];

  constructor(private readonly options: InteractionOptions) {}

  execute(line: string): string {
    const [verb, ...args] = line.split(/\s+/);
    if (verb === 'add-nodes') return this.addNodes(Number(args[0]), args.slice(1));
    const simulation = this.simulation;
    if (simulation === null) return 'error: add-nodes first';
    switch (verb) {
      case 'campaign':
        return this.act({ type: 'timeout', node: args[0] as string });
      case 'propose':
        return this.act({ type: 'client', node: args[0] as string, request: proposal(args.slice(1)) });
      case 'partition':
        return this.act({ type: 'partition', groups: args.join(' ').split('|').map((group) => group.trim().split(/\s+/)) });
      case 'isolate':
      case 'crash':
      case 'restart':
        return this.act({ type: verb, node: args[0] as string });
      case 'heal':
        return this.act({ type: 'heal' });
      case 'stabilize':
        return this.stabilize(simulation);
      case 'run':
        simulation.runUntil(simulation.now / 1000 + Number(args[0]), false);
        return this.output();
      case 'status':
        return simulation
          .inspect()
          .nodes.filter((node) => node.kind === 'server')
          .map((node) => this.options.describeNode(node.id, node.state, node.status))
          .join('\n');
      default:
        return `error: unknown command '${verb}'`;
    }
  }

  private addNodes(count: number, settings: string[]): string {
    const module = this.options.module;
    const defaults = this.options.defaults ?? {};
    const params: Record<string, string | number | boolean> = { ...(defaults.params ?? {}) };
    const variants: Record<string, string | number | boolean> = { ...(defaults.variants ?? {}) };
    for (const setting of settings) {
      const [name, raw] = setting.split('=') as [string, string];
      const value = raw === 'true' ? true : raw === 'false' ? false : Number.isNaN(Number(raw)) ? raw : Number(raw);
      if (name in module.variants) variants[name] = value;
      else params[name] = value;
    }
    const capturing: ProtocolModule = {
      ...module,
      messageType: (message: unknown) => {
        this.sent.push(message);
        return module.messageType(message);
      },
    };
    const scenario: Scenario = { version: 1, module: module.name, seed: 1, ...defaults, nodes: count, params, variants };
    this.simulation = createSimulation(scenario, capturing);
    this.sent = [];
    this.traceMark = this.simulation.trace().length;
    return 'ok';
  }

  private act(action: Record<string, unknown>): string {
    (this.simulation as Simulation).apply({ ...action, at: 0 } as Action);
    return this.output();
  }

  private stabilize(simulation: Simulation): string {
    let steps = 0;
    while (simulation.world.hasMessagesInFlight() && steps < STABILIZE_LIMIT && simulation.step()) steps++;
    if (steps === STABILIZE_LIMIT) return `error: still busy after ${STABILIZE_LIMIT} events`;
    return this.output();
  }

  /** Everything traced since the last command, one line each. */
  private output(): string {
    const simulation = this.simulation as Simulation;
    const events = simulation.trace(this.traceMark);
    this.traceMark += events.length;
    const lines: string[] = [];
    for (const event of events) {
      const line = this.describe(event);
      if (line !== null) lines.push(line);
    }
    return lines.length === 0 ? '(nothing)' : lines.join('\n');
  }

  private describe(event: TraceEvent): string | null {
    switch (event.kind) {
      case 'send': {
        const message = this.sent.shift();
        const label = this.options.module.describeMessage?.(message) ?? event.messageType;
        return `${event.node}->${event.peer} ${label}`;
      }
      case 'drop':
        return `  dropped ${event.node}->${event.peer} ${event.messageType} (${event.detail})`;
      case 'deliver':
      case 'duplicate':
        return null;
      case 'timer':
        return `${event.node} timer ${event.detail}`;
      default:
        return `${event.node}: ${event.detail}`;
    }
  }
}

function proposal(words: string[]): Record<string, string> {
  const [f, key, first, second] = words;
  if (f === 'cas') return { f, key: key ?? 'x', expected: first ?? '', value: second ?? '' };
  if (f === 'get') return { f, key: key ?? 'x' };
  return { f: f ?? 'put', key: key ?? 'x', value: first ?? '' };
}
