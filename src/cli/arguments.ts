/**
 * Command-line arguments: positionals and `--name value` / `--name=value` / `--flag`
 * options, checked against what the command accepts. Unknown options and missing values
 * are input errors that name the option.
 */
import { InputError } from './inputError';

export type OptionKind = 'flag' | 'value';

export interface ParsedArguments {
  positionals: string[];
  values: Record<string, string>;
  flags: Set<string>;
}

export function parseArguments(argv: readonly string[], accepted: Readonly<Record<string, OptionKind>>): ParsedArguments {
  const parsed: ParsedArguments = { positionals: [], values: {}, flags: new Set() };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (!argument.startsWith('--') || argument === '--') {
      if (argument !== '--') parsed.positionals.push(argument);
      continue;
    }
    const separator = argument.indexOf('=');
    const name = separator < 0 ? argument.slice(2) : argument.slice(2, separator);
    const kind = accepted[name];
    if (kind === undefined) {
      throw InputError.of(`--${name}`, `unknown option (accepted: ${Object.keys(accepted).map((option) => `--${option}`).join(', ')})`);
    }
    if (kind === 'flag') {
      if (separator >= 0) throw InputError.of(`--${name}`, 'takes no value');
      parsed.flags.add(name);
      continue;
    }
    const value = separator >= 0 ? argument.slice(separator + 1) : argv[++index];
    if (value === undefined || value === '') throw InputError.of(`--${name}`, 'needs a value');
    parsed.values[name] = value;
  }
  return parsed;
}

/** A virtual time in milliseconds: a finite number, at least 0. */
export function parseMilliseconds(option: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1e9) {
    throw InputError.of(option, `must be a virtual time in milliseconds between 0 and 1000000000 (got '${text}')`);
  }
  return value;
}

/** A comma-separated list of virtual times, returned in ascending order without repeats. */
export function parseMillisecondList(option: string, text: string): number[] {
  const times = text.split(',').map((part) => parseMilliseconds(option, part.trim()));
  return [...new Set(times)].sort((left, right) => left - right);
}

export function parseCount(option: string, text: string, minimum: number, maximum: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw InputError.of(option, `must be a whole number between ${minimum} and ${maximum} (got '${text}')`);
  }
  return value;
}

/** An inclusive seed range written `<from>..<to>` (or one seed). */
export function parseSeedRange(option: string, text: string): { from: number; to: number } {
  const match = /^(\d+)(?:\.\.(\d+))?$/.exec(text.trim());
  if (match === null) throw InputError.of(option, `must be a range like 1..100 (got '${text}')`);
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  if (from > 0xffffffff || to > 0xffffffff) throw InputError.of(option, 'seeds are 32-bit unsigned integers (at most 4294967295)');
  if (to < from) throw InputError.of(option, `the range ends before it starts (${from}..${to})`);
  if (to - from >= 1_000_000) throw InputError.of(option, `covers ${to - from + 1} seeds; the limit is 1000000 per search`);
  return { from, to };
}
