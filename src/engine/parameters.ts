/**
 * Declarative parameter specifications. A module describes its parameters, variant toggles,
 * workload settings, client requests and custom actions with these; the scenario validator
 * builds its schema from them and the settings panel builds its controls from them, so the
 * engine needs no schema library and the UI never hard-codes a module's knobs.
 */
export interface ParameterBase {
  label: string;
  description?: string;
}

export interface IntegerParameter extends ParameterBase {
  kind: 'integer';
  default: number;
  minimum: number;
  maximum: number;
  unit?: string;
}

export interface NumberParameter extends ParameterBase {
  kind: 'number';
  default: number;
  minimum: number;
  maximum: number;
  unit?: string;
}

export interface BooleanParameter extends ParameterBase {
  kind: 'boolean';
  default: boolean;
}

export interface ChoiceParameter extends ParameterBase {
  kind: 'choice';
  default: string;
  options: readonly string[];
}

export interface TextParameter extends ParameterBase {
  kind: 'text';
  default: string;
  maximumLength: number;
  optional?: boolean;
}

export type ParameterSpec = IntegerParameter | NumberParameter | BooleanParameter | ChoiceParameter | TextParameter;

export type ParameterSpecs = Readonly<Record<string, ParameterSpec>>;

export type ParameterValue = number | boolean | string;

export type ParameterValues = Record<string, ParameterValue>;

/** Fills in defaults for every parameter `given` leaves out. Validation happens at the scenario boundary. */
export function resolveParameters(specs: ParameterSpecs, given: Readonly<Record<string, unknown>> | undefined): ParameterValues {
  const values: ParameterValues = {};
  for (const name of Object.keys(specs)) {
    const spec = specs[name] as ParameterSpec;
    const value = given?.[name];
    values[name] = value === undefined ? spec.default : (value as ParameterValue);
  }
  return values;
}

/** The problem with `value` against `spec`, or null when it fits. Shared by the validator and the engine's own guards. */
export function checkParameter(spec: ParameterSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be an integer';
      return checkRange(spec, value);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number';
      return checkRange(spec, value);
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value)
        ? null
        : `must be one of ${spec.options.map((option) => `'${option}'`).join(', ')}`;
    case 'text':
      if (typeof value !== 'string') return 'must be a string';
      return value.length <= spec.maximumLength ? null : `must be at most ${spec.maximumLength} characters`;
  }
}

function checkRange(spec: IntegerParameter | NumberParameter, value: number): string | null {
  if (value < spec.minimum) return `must be at least ${spec.minimum}${spec.unit ? ' ' + spec.unit : ''} (got ${value})`;
  if (value > spec.maximum) return `must be at most ${spec.maximum}${spec.unit ? ' ' + spec.unit : ''} (got ${value})`;
  return null;
}
