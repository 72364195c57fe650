/**
 * The sequential specification the linearizability checker judges against: one register
 * per key, absent (null) at the start. Linearizability is compositional (Herlihy & Wing
 * 1990, §3.3 "Locality"), so each key is checked on its own and the model only ever sees
 * one key's register.
 *
 * Commands (the `f` of a history record and the value of its invoke):
 *   put    value = string            the register becomes value
 *   get    value = null              reads the register; the ok record carries what was read
 *   append value = suffix string     the register becomes (old ?? '') + suffix
 *   cas    value = [expected, new]   if the register equals expected (null = absent), it becomes new
 */
import type { PlainData } from '../core/plainData';

export type RegisterValue = string | null;

export type RegisterCommand =
  | { f: 'put'; value: string }
  | { f: 'get' }
  | { f: 'append'; suffix: string }
  | { f: 'cas'; expected: RegisterValue; replacement: string };

/**
 * One step of the register. `read` is the value a completed get returned. Returns the
 * register after the command, or undefined when the command cannot take effect from
 * `state` with the observed outcome: a get that read something else, a cas whose
 * expected value does not match (an ok cas swapped, and an operation whose outcome is
 * unknown is only ever linearized as the successful one; "it failed" is the same as
 * "it never took effect").
 */
export function stepRegister(state: RegisterValue, command: RegisterCommand, read: RegisterValue): RegisterValue | undefined {
  switch (command.f) {
    case 'put':
      return command.value;
    case 'get':
      return read === state ? state : undefined;
    case 'append':
      return (state ?? '') + command.suffix;
    case 'cas':
      return state === command.expected ? command.replacement : undefined;
  }
}

/** True when the command may change the register (used to name the last write in explanations). */
export function isWrite(command: RegisterCommand): boolean {
  return command.f !== 'get';
}

/**
 * Reads a command from an invoke record's `f` and `value`. Returns a reason string when
 * the record does not fit the model, so a malformed client history is reported instead
 * of being judged.
 */
export function parseCommand(f: string, value: PlainData): RegisterCommand | string {
  switch (f) {
    case 'put':
      return typeof value === 'string' ? { f, value } : `put needs a string value, got ${JSON.stringify(value)}`;
    case 'get':
      return { f };
    case 'append':
      return typeof value === 'string' ? { f, suffix: value } : `append needs a string suffix, got ${JSON.stringify(value)}`;
    case 'cas': {
      const valid =
        Array.isArray(value) &&
        value.length === 2 &&
        (value[0] === null || typeof value[0] === 'string') &&
        typeof value[1] === 'string';
      if (!valid) return `cas needs [expected (string or null), new (string)], got ${JSON.stringify(value)}`;
      return { f, expected: value[0] as RegisterValue, replacement: value[1] as string };
    }
    default:
      return `unsupported operation '${f}' (the key-value model knows put, get, append and cas)`;
  }
}

/** 'x', or "nothing" for an absent key: how values appear in explanations. */
export function formatValue(value: RegisterValue): string {
  return value === null ? 'nothing (absent)' : `'${value}'`;
}

/** "put 'x'", "get", "append '+a'", "cas 'a' → 'b'". */
export function formatCommand(command: RegisterCommand): string {
  switch (command.f) {
    case 'put':
      return `put '${command.value}'`;
    case 'get':
      return 'get';
    case 'append':
      return `append '${command.suffix}'`;
    case 'cas':
      return `cas ${command.expected === null ? 'absent' : `'${command.expected}'`} → '${command.replacement}'`;
  }
}
