/**
 * Linearizable-by-construction client histories, for the checker's benchmark and tests.
 *
 * A fixed set of client processes run against a reference register per key. Each step of
 * virtual time one process moves: an idle one invokes; an invoked one takes effect (its
 * linearization point: the reference model applies it there) or gives up; one that took
 * effect responds. So every operation's point lies inside its interval and the history is
 * linearizable. Faults are mimicked by the outcomes: `fail` only for operations that never
 * took effect (and for a cas whose compare failed), `info` both for operations that took
 * effect and for ones that did not yet, which may still take effect later or never.
 */
import { Prng } from '../core/prng';
import type { Microseconds } from '../core/time';
import type { HistoryRecord, HistoryType } from '../protocol';
import type { PlainData } from '../core/plainData';
import { parseCommand, stepRegister, type RegisterCommand, type RegisterValue } from './kvModel';

export interface SyntheticHistoryOptions {
  seed: number;
  operations: number;
  keys: number;
  processes: number;
  /** Out of 1000: how often an outcome is reported as unknown (info). */
  infoPerMille?: number;
  /** Out of 1000: how often an operation fails without taking effect. */
  failPerMille?: number;
  /** Virtual time between steps is uniform in [0, this]. */
  maximumStepMicroseconds?: number;
}

interface ProcessSlot {
  name: string;
  phase: 'idle' | 'invoked' | 'applied';
  key: string;
  f: string;
  command: RegisterCommand | null;
  /** What the operation returns once applied (the read of a get), and whether a cas swapped. */
  read: RegisterValue;
  swapped: boolean;
}

interface Ghost {
  key: string;
  command: RegisterCommand;
}

export function syntheticHistory(options: SyntheticHistoryOptions): HistoryRecord[] {
  const random = new Prng(options.seed, 'synthetic-history');
  const infoPerMille = options.infoPerMille ?? 10;
  const failPerMille = options.failPerMille ?? 10;
  const registers = new Map<string, RegisterValue>();
  const processes: ProcessSlot[] = Array.from({ length: options.processes }, (_, index) => ({
    name: `c${index + 1}`,
    phase: 'idle',
    key: '',
    f: '',
    command: null,
    read: null,
    swapped: false,
  }));
  const ghosts: Ghost[] = [];
  const history: HistoryRecord[] = [];
  let time: Microseconds = 0;
  let invoked = 0;
  let written = 0;
  const record = (slot: ProcessSlot, type: HistoryType, value: PlainData): void => {
    history.push({ index: history.length, process: slot.name, type, f: slot.f, key: slot.key, value, time });
  };
  const apply = (key: string, command: RegisterCommand): { read: RegisterValue; swapped: boolean } => {
    const before = registers.get(key) ?? null;
    const after = stepRegister(before, command, before);
    if (after !== undefined) registers.set(key, after);
    return { read: before, swapped: after !== undefined };
  };

  while (invoked < options.operations || processes.some((slot) => slot.phase !== 'idle')) {
    time += random.between(0, options.maximumStepMicroseconds ?? 2_000);
    // An operation whose client gave up may still take effect, much later or never.
    if (ghosts.length > 0 && random.chance(1, 20)) {
      const ghost = ghosts.splice(random.below(ghosts.length), 1)[0] as Ghost;
      apply(ghost.key, ghost.command);
    }
    const slot = random.pick(processes);
    if (slot.phase === 'idle') {
      if (invoked === options.operations) continue;
      invoked++;
      slot.key = `k${random.below(options.keys)}`;
      const invocation = randomInvocation(random, registers.get(slot.key) ?? null, ++written);
      slot.f = invocation.f;
      slot.command = parseCommand(invocation.f, invocation.value) as RegisterCommand;
      slot.phase = 'invoked';
      record(slot, 'invoke', invocation.value);
    } else if (slot.phase === 'invoked') {
      const command = slot.command as RegisterCommand;
      if (random.chance(failPerMille, 1000)) {
        record(slot, 'fail', null);
        slot.phase = 'idle';
      } else if (random.chance(infoPerMille, 1000)) {
        record(slot, 'info', null);
        if (command.f !== 'get') ghosts.push({ key: slot.key, command });
        slot.phase = 'idle';
      } else {
        const outcome = apply(slot.key, command);
        slot.read = outcome.read;
        slot.swapped = outcome.swapped;
        slot.phase = 'applied';
      }
    } else {
      const command = slot.command as RegisterCommand;
      if (random.chance(infoPerMille, 1000)) record(slot, 'info', null);
      else if (command.f === 'cas' && !slot.swapped) record(slot, 'fail', null);
      else record(slot, 'ok', command.f === 'get' ? slot.read : null);
      slot.phase = 'idle';
    }
  }
  return history;
}

/** 40% get, 25% put, 15% append, 20% cas (half of them expecting the current value). */
function randomInvocation(random: Prng, current: RegisterValue, serial: number): { f: string; value: PlainData } {
  const roll = random.below(100);
  if (roll < 40) return { f: 'get', value: null };
  if (roll < 65) return { f: 'put', value: `v${serial}` };
  if (roll < 80) return { f: 'append', value: `+${serial}` };
  const expected = random.chance(1, 2) ? current : random.chance(1, 2) ? null : `v${random.below(serial)}`;
  return { f: 'cas', value: [expected, `v${serial}`] };
}
