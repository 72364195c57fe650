/**
 * Short texts for log entries' commands: a few characters for a log-matrix cell or a log-tail
 * box, and the full description for titles and the inspector.
 */
import type { Entry } from './raftState';

type Command = Entry['command'];

const OPERATION_LETTER = { put: 'P', get: 'G', append: 'A', cas: 'C' } as const;
const KEY_CHARACTERS = 3;

/** At most about five characters: "P k1", "G k3", "noop", "cfg5" (a configuration of five). */
export function abbreviateCommand(command: Command): string {
  switch (command.type) {
    case 'noop':
      return 'noop';
    case 'config':
      return `cfg${command.members.length}`;
    case 'kv':
      return `${OPERATION_LETTER[command.f]}${command.key.slice(0, KEY_CHARACTERS)}`;
  }
}

/** The whole command, as the engine's trace describes it. */
export function describeCommand(command: Command): string {
  switch (command.type) {
    case 'noop':
      return 'no-op';
    case 'config':
      return `configuration ${command.members.join(', ')}`;
    case 'kv': {
      const who = command.clientId === null ? ' (proposed at a server)' : ` (${command.clientId} #${command.sequence})`;
      if (command.f === 'get') return `get ${command.key}${who}`;
      if (command.f === 'cas') return `cas ${command.key} ${command.expected ?? '∅'} → ${command.value ?? ''}${who}`;
      return `${command.f} ${command.key} ${command.value ?? ''}${who}`;
    }
  }
}

/** "index 7, term 2: put k1 c1.3 (c1 #3), committed" — for titles and screen readers. */
export function describeEntry(entry: Entry, committed: boolean | null): string {
  const state = committed === null ? '' : committed ? ', committed' : ', not committed';
  return `index ${entry.index}, term ${entry.term}: ${describeCommand(entry.command)}${state}`;
}
