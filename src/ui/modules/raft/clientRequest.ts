/**
 * Building the engine action for a client operation sent from the lab. The request's fields
 * are Raft's declared request fields (settings.ts RAFT_REQUEST: f, key, value, expected);
 * the action goes to a client node (which finds the leader, retries and records history) or
 * straight to a server (a proposal without a session, outside the client history).
 */
import type { Action } from '../../../worker/api';
import type { ReadPath } from '../../../engine/protocols/raft/settings';

export type Operation = 'put' | 'get' | 'append' | 'cas';
export const OPERATIONS: readonly Operation[] = ['put', 'get', 'append', 'cas'];
export const READ_PATHS: readonly ReadPath[] = ['log', 'read-index', 'lease', 'unsafe-any-node'];
export type { ReadPath };

export const KEY_MAXIMUM_LENGTH = 64;
export const VALUE_MAXIMUM_LENGTH = 200;

export interface ClientForm {
  target: string;
  f: Operation;
  key: string;
  value: string;
  expected: string;
}

/** The action to apply, or what is wrong with the form. */
export function clientAction(form: ClientForm): { ok: true; action: Action } | { ok: false; problem: string } {
  const key = form.key.trim();
  if (form.target === '') return { ok: false, problem: 'Choose where to send the operation.' };
  if (key === '') return { ok: false, problem: 'The key is empty.' };
  if (key.length > KEY_MAXIMUM_LENGTH) return { ok: false, problem: `The key is longer than ${KEY_MAXIMUM_LENGTH} characters.` };
  if (form.value.length > VALUE_MAXIMUM_LENGTH || form.expected.length > VALUE_MAXIMUM_LENGTH) return { ok: false, problem: `Values are limited to ${VALUE_MAXIMUM_LENGTH} characters.` };
  const request: Record<string, string> = { f: form.f, key };
  if (form.f !== 'get') request.value = form.value;
  if (form.f === 'cas' && form.expected !== '') request.expected = form.expected;
  // `at` is replaced by the engine with the current virtual time.
  return { ok: true, action: { type: 'client', node: form.target, request, at: 0 } };
}

/** "put x = 1", "cas x 1 → 2", "get x" — what the panel says it sent. */
export function describeForm(form: ClientForm): string {
  const key = form.key.trim();
  switch (form.f) {
    case 'get':
      return `get ${key}`;
    case 'cas':
      return `cas ${key} ${form.expected === '' ? '∅' : form.expected} → ${form.value}`;
    case 'append':
      return `append ${key} += ${form.value}`;
    case 'put':
      return `put ${key} = ${form.value}`;
  }
}

export function readPathOf(variants: Record<string, unknown> | undefined): ReadPath {
  const value = variants?.readPath;
  return (READ_PATHS as readonly unknown[]).includes(value) ? (value as ReadPath) : 'log';
}

export const READ_PATH_TEXT: Record<ReadPath, string> = {
  log: 'through the log (every read is a log entry)',
  'read-index': 'ReadIndex (the leader confirms it still leads with a heartbeat round)',
  lease: 'leader lease (the leader answers while its lease holds; needs bounded clock drift)',
  'unsafe-any-node': 'any node answers from its own state (stale reads possible)',
};
