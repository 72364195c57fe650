/** A problem with a scenario, named by the field it is in ("schedule[2].node") and what is wrong. */
export interface ScenarioProblem {
  field: string;
  problem: string;
}

export type ParseResult<T> = { ok: true; scenario: T } | { ok: false; errors: ScenarioProblem[] };

/** Renders a path such as ['schedule', 2, 'node'] as "schedule[2].node". */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name === '' ? String(part) : `.${String(part)}`;
  }
  return name === '' ? '(scenario)' : name;
}

export function formatProblems(errors: readonly ScenarioProblem[]): string {
  return errors.map((error) => `${error.field}: ${error.problem}`).join('\n');
}
