/**
 * The scenario settings as data: which controls a module gets (from its declarative
 * ParameterSpecs, so the panel never hard-codes a module's knobs), how one change turns the
 * scenario into a new candidate, and how the candidate is validated (through the same
 * parseScenario as a URL or a file) with each problem placed next to its control.
 * Reading a module's specs is not simulation work, so this runs on the main thread.
 */
import { SCENARIO_VERSION, findModule, moduleNames, type ParameterSpec, type ParameterSpecs, type ParameterValue, type ProtocolModule } from '../../../engine/index';
import { parseScenario, type ParseResult, type ScenarioProblem } from '../../../scenario/index';
import type { Scenario } from '../../../worker/api';

export type SettingsSection = 'params' | 'variants' | 'workload' | 'network';

export interface SettingsField {
  section: SettingsSection;
  name: string;
  spec: ParameterSpec;
  /** The field name problems use: "params.electionTimeoutMinimumMs". */
  key: string;
}

export type SettingsChange =
  | { kind: 'module'; module: string }
  | { kind: 'seed'; seed: number }
  | { kind: 'nodes'; nodes: number }
  /** `value` undefined removes the setting, so the default applies. */
  | { kind: 'value'; section: SettingsSection; name: string; value: ParameterValue | string | undefined };

/** The lab draws every server; beyond this many Raft servers the canvas stops being readable. */
export const LAB_MAXIMUM_NODES: Readonly<Record<string, number>> = { raft: 15 };

/** Network defaults (docs/scenario-format.md, `network`), described like module parameters so one control renders all. */
export const NETWORK_SPECS: ParameterSpecs = {
  latencyMs: { kind: 'number', label: 'Latency', default: 10, minimum: 0, maximum: 600_000, unit: 'ms', description: 'Base one-way delay of every link.' },
  jitterMs: { kind: 'number', label: 'Jitter', default: 5, minimum: 0, maximum: 600_000, unit: 'ms', description: 'Extra delay drawn from 0 … jitter per message; reorders messages.' },
  lossRatio: { kind: 'number', label: 'Loss', default: 0, minimum: 0, maximum: 1, description: 'Probability that a message is lost.' },
  duplicationRatio: { kind: 'number', label: 'Duplication', default: 0, minimum: 0, maximum: 1, description: 'Probability that a message is delivered twice.' },
  reorderRatio: { kind: 'number', label: 'Reordering', default: 0, minimum: 0, maximum: 1, description: 'Probability that a message is held back so later ones overtake it.' },
};

export const SECTION_TITLES: Readonly<Record<SettingsSection, string>> = {
  params: 'Parameters',
  variants: 'Variants',
  workload: 'Workload',
  network: 'Network defaults',
};

export function availableModules(): ProtocolModule[] {
  return moduleNames()
    .map((name) => findModule(name))
    .filter((module): module is ProtocolModule => module !== undefined);
}

export function nodeRange(module: ProtocolModule): { minimum: number; maximum: number } {
  const labMaximum = LAB_MAXIMUM_NODES[module.name] ?? module.nodes.maximum;
  return { minimum: module.nodes.minimum, maximum: Math.min(module.nodes.maximum, labMaximum) };
}

export function settingsFields(module: ProtocolModule): Record<SettingsSection, SettingsField[]> {
  const fields = (section: SettingsSection, specs: ParameterSpecs): SettingsField[] =>
    Object.entries(specs).map(([name, spec]) => ({ section, name, spec, key: `${section}.${name}` }));
  return {
    params: fields('params', module.parameters),
    variants: fields('variants', module.variants),
    workload: fields('workload', module.workload),
    network: fields('network', NETWORK_SPECS),
  };
}

/** The value a control shows: the scenario's, else the default. */
export function fieldValue(scenario: Scenario, field: SettingsField): ParameterValue {
  const given = field.section === 'network' ? (scenario.network as Record<string, unknown> | undefined)?.[field.name] : scenario[field.section]?.[field.name];
  return given === undefined ? field.spec.default : (given as ParameterValue);
}

/** What a text box's content means for a spec: a number where one is expected; '' means "use the default". */
export function valueFromText(spec: ParameterSpec, text: string): ParameterValue | string | undefined {
  if (text.trim() === '') return undefined;
  if (spec.kind === 'integer' || spec.kind === 'number') {
    const number = Number(text);
    // Not a number: passed on as text so validation names the field and the problem.
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

/** The scenario after one change (not yet validated). A new module starts from its defaults with an empty schedule. */
export function applySettingsChange(scenario: Scenario, change: SettingsChange): Scenario {
  const { viewAtMs: _viewAtMs, ...base } = scenario;
  switch (change.kind) {
    case 'module': {
      if (change.module === base.module) return base;
      const module = findModule(change.module);
      const nodes = module === undefined ? base.nodes : Math.min(module.nodes.default, nodeRange(module).maximum);
      const { links: _links, ...networkDefaults } = base.network ?? {};
      return { version: SCENARIO_VERSION, module: change.module, seed: base.seed, nodes, network: networkDefaults };
    }
    case 'seed':
      return { ...base, seed: change.seed };
    case 'nodes':
      return { ...base, nodes: change.nodes };
    case 'value': {
      const section = { ...((change.section === 'network' ? base.network : base[change.section]) ?? {}) } as Record<string, unknown>;
      if (change.value === undefined) delete section[change.name];
      else section[change.name] = change.value;
      return { ...base, [change.section]: section };
    }
  }
}

/** Validates a candidate exactly as a URL or file would be, plus the lab's own node cap. */
export function validateSettings(candidate: Scenario): ParseResult<Scenario> {
  const labMaximum = LAB_MAXIMUM_NODES[candidate.module];
  if (labMaximum !== undefined && typeof candidate.nodes === 'number' && candidate.nodes > labMaximum) {
    return { ok: false, errors: [{ field: 'nodes', problem: `must be at most ${labMaximum} for ${candidate.module} in the lab (got ${candidate.nodes})` }] };
  }
  return parseScenario(candidate);
}

/**
 * Places each problem next to the control it names. A problem naming no control (a
 * schedule entry for a node that no longer exists) goes next to the control just changed,
 * because that change caused it.
 */
export function problemsByField(errors: readonly ScenarioProblem[], controlKeys: ReadonlySet<string>, changedKey: string): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  for (const error of errors) {
    const key = controlKeys.has(error.field) ? error.field : changedKey;
    const text = key === error.field ? error.problem : `${error.field}: ${error.problem}`;
    placed.set(key, [...(placed.get(key) ?? []), text]);
  }
  return placed;
}

/** A fresh seed from the browser's random source (the UI may be random; the run it starts is not). */
export function randomSeed(randomWord: () => number): number {
  return randomWord() >>> 0;
}
