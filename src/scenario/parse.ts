/**
 * The scenario boundary: untrusted input (a file, a URL, a paste) in, a validated Scenario
 * or a list of problems out. Every problem names its field. Nothing here throws for bad
 * input, and nothing from the input is ever interpreted as code or markup.
 */
import { findModule, isEngineAction, moduleNames, type Action, type Scenario } from '../engine';
import { checkAgainstModule } from './module';
import { migrate } from './migrate';
import { fieldName, type ParseResult, type ScenarioProblem } from './problems';
import { engineActionSchemas, moduleActionSchema, scenarioSchema } from './schema';

/** Largest scenario text accepted, in characters (a URL or a file). */
export const MAXIMUM_SCENARIO_CHARACTERS = 2_000_000;

export function parseScenarioJson(text: string): ParseResult<Scenario> {
  if (text.length > MAXIMUM_SCENARIO_CHARACTERS) {
    return failure('(scenario)', `is ${text.length} characters long; the limit is ${MAXIMUM_SCENARIO_CHARACTERS}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return failure('(json)', `is not valid JSON: ${(error as Error).message}`);
  }
  return parseScenario(document);
}

export function parseScenario(input: unknown): ParseResult<Scenario> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return failure('(scenario)', 'must be a JSON object');
  const migrated = migrate(input as Record<string, unknown>);
  if ('error' in migrated) return { ok: false, errors: [migrated.error] };
  const structure = scenarioSchema.safeParse(migrated.document);
  if (!structure.success) return { ok: false, errors: structure.error.issues.map((issue) => ({ field: fieldName(issue.path), problem: issue.message })) };
  const scenario = structure.data as Scenario;
  const module = findModule(scenario.module);
  if (module === undefined) return failure('module', `unknown module '${scenario.module}' (known: ${moduleNames().join(', ')})`);
  const actions = parseActions(scenario.schedule ?? []);
  if (!actions.ok) return actions;
  const checked: Scenario = { ...scenario, ...(scenario.schedule === undefined ? {} : { schedule: actions.scenario }) };
  const problems = checkAgainstModule(module, checked);
  return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, scenario: checked };
}

function parseActions(schedule: ReadonlyArray<{ type: string }>): ParseResult<Action[]> {
  const errors: ScenarioProblem[] = [];
  const actions: Action[] = [];
  schedule.forEach((raw, index) => {
    const schema = isEngineAction(raw) ? engineActionSchemas[raw.type] : moduleActionSchema;
    const result = schema.safeParse(raw);
    if (result.success) {
      actions.push(result.data as Action);
    } else {
      for (const issue of result.error.issues) errors.push({ field: fieldName(['schedule', index, ...issue.path]), problem: issue.message });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: actions };
}

function failure<T>(field: string, problem: string): ParseResult<T> {
  return { ok: false, errors: [{ field, problem }] };
}
