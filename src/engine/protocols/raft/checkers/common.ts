/**
 * What the Raft checkers share: reading a server's state out of a check view, and comparing
 * commands without building strings (checkers run after every event).
 */
import type { CheckView } from '../../../protocol';
import type { Command, RaftServerState, RaftState } from '../types';

/**
 * The node that just stepped, when it is a live server, or null. The node itself is returned
 * (its state narrowed to a server's), not a new pair: five checkers ask after every event.
 */
export function changedServer(view: CheckView<RaftState>): { readonly id: string; readonly state: RaftServerState } | null {
  const node = view.nodes[view.changedNode];
  if (node === undefined) return null;
  const state = node.state;
  if (state === null || state.kind !== 'server') return null;
  return node as { readonly id: string; readonly state: RaftServerState };
}

export function sameCommand(left: Command, right: Command): boolean {
  if (left === right) return true;
  if (left.type !== right.type) return false;
  switch (left.type) {
    case 'noop':
      return true;
    case 'kv': {
      const other = right as typeof left;
      return (
        left.f === other.f &&
        left.key === other.key &&
        left.value === other.value &&
        left.expected === other.expected &&
        left.clientId === other.clientId &&
        left.sequence === other.sequence
      );
    }
    case 'config': {
      const other = right as typeof left;
      if (left.members.length !== other.members.length) return false;
      for (let index = 0; index < left.members.length; index++) if (left.members[index] !== other.members[index]) return false;
      return true;
    }
  }
}

export function describeCommand(command: Command): string {
  switch (command.type) {
    case 'noop':
      return 'no-op';
    case 'config':
      return `config ${command.members.join(',')}`;
    case 'kv': {
      const who = command.clientId === null ? '' : ` (${command.clientId}#${command.sequence})`;
      if (command.f === 'get') return `get ${command.key}${who}`;
      if (command.f === 'cas') return `cas ${command.key} ${command.expected ?? '∅'}→${command.value ?? ''}${who}`;
      return `${command.f} ${command.key} ${command.value ?? ''}${who}`;
    }
  }
}
