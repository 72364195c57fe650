/**
 * The checks that depend on the module: its parameters, variants, workload and request
 * fields (from its declarative specs), its node count range, which node ids and selectors
 * exist, and its own actions.
 */
import {
  checkParameter,
  isEngineAction,
  moduleConfig,
  type ParameterSpecs,
  type ProtocolModule,
  type Scenario,
} from '../engine';
import type { ScenarioProblem } from './problems';

export function checkAgainstModule(module: ProtocolModule, scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const { minimum, maximum } = module.nodes;
  if (scenario.nodes < minimum || scenario.nodes > maximum) {
    problems.push({ field: 'nodes', problem: `must be between ${minimum} and ${maximum} for ${module.name} (got ${scenario.nodes})` });
    return problems;
  }
  checkValues(module.parameters, scenario.params, 'params', problems);
  checkValues(module.variants, scenario.variants, 'variants', problems);
  checkValues(module.workload, scenario.workload, 'workload', problems);
  if (problems.length > 0) return problems;
  const nodes = knownNodes(module, scenario);
  const selectors = new Set(Object.keys(module.selectors).map((name) => `@${name}`));
  const checkNode = (reference: unknown, field: string): void => {
    if (typeof reference !== 'string') return;
    if (reference.startsWith('@') ? selectors.has(reference) : nodes.has(reference)) return;
    const known = [...nodes, ...selectors].join(', ');
    problems.push({ field, problem: `unknown node '${reference}' (known: ${known})` });
  };
  (scenario.network?.links ?? []).forEach((link, index) => {
    checkNode(link.from, `network.links[${index}].from`);
    checkNode(link.to, `network.links[${index}].to`);
  });
  (scenario.schedule ?? []).forEach((action, index) => {
    const field = `schedule[${index}]`;
    const record = action as unknown as Record<string, unknown>;
    for (const key of ['node', 'from', 'to']) checkNode(record[key], `${field}.${key}`);
    if (!isEngineAction(action)) {
      checkModuleAction(module, record, field, problems);
    } else if (action.type === 'partition') {
      action.groups.forEach((group, groupIndex) => group.forEach((reference, position) => checkNode(reference, `${field}.groups[${groupIndex}][${position}]`)));
    } else if (action.type === 'client') {
      checkValues(module.request, action.request, `${field}.request`, problems);
    }
  });
  return problems;
}

function checkModuleAction(module: ProtocolModule, action: Record<string, unknown>, field: string, problems: ScenarioProblem[]): void {
  const type = String(action.type);
  const spec = module.actions[type];
  if (spec === undefined) {
    const known = Object.keys(module.actions);
    const hint = known.length > 0 ? `; ${module.name} adds: ${known.join(', ')}` : '';
    problems.push({ field: `${field}.type`, problem: `unknown action '${type}' (engine actions: crash, restart, pause, resume, skew-clock, timeout, partition, isolate, cut, repair, heal, hold, release, deliver, drop, duplicate, network, client${hint})` });
    return;
  }
  if (action.node === undefined) problems.push({ field: `${field}.node`, problem: `is required for ${type}` });
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(action)) {
    if (key !== 'type' && key !== 'at' && key !== 'afterEvent' && key !== 'node') args[key] = value;
  }
  checkValues(spec.args, args, field, problems, true);
}

/** Checks given values against specs: unknown names and out-of-range values are problems. */
function checkValues(specs: ParameterSpecs, given: Record<string, unknown> | undefined, field: string, problems: ScenarioProblem[], required = false): void {
  for (const [name, value] of Object.entries(given ?? {})) {
    const spec = specs[name];
    if (spec === undefined) {
      const known = Object.keys(specs);
      problems.push({ field: `${field}.${name}`, problem: `unknown ${known.length === 0 ? 'field (none are accepted here)' : `field (known: ${known.join(', ')})`}` });
      continue;
    }
    const problem = checkParameter(spec, value);
    if (problem !== null) problems.push({ field: `${field}.${name}`, problem });
  }
  if (!required) return;
  for (const [name, spec] of Object.entries(specs)) {
    if (given?.[name] === undefined && !(spec.kind === 'text' && spec.optional)) problems.push({ field: `${field}.${name}`, problem: 'is required' });
  }
}

function knownNodes(module: ProtocolModule, scenario: Scenario): Set<string> {
  const config = moduleConfig(module, scenario);
  const ids = new Set<string>();
  for (let index = 1; index <= scenario.nodes; index++) ids.add(`n${index}`);
  const clients = module.clientCount(config);
  for (let index = 1; index <= clients; index++) ids.add(`c${index}`);
  return ids;
}
