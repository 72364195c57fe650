/**
 * Operations: parsing a client request into a CrdtOperation, and drawing random ones for the
 * workload from the node's workload stream. Random operations act on what the replica sees
 * (remove an element it has, delete a character it shows), as a user would.
 */
import type { PlainData } from '../../core/plainData';
import type { Prng } from '../../core/prng';
import type { ParameterValues } from '../../parameters';
import type { CrdtOperation, CrdtTypeName, OperationName } from './types/common';
import { OPERATION_NAMES } from './types/common';

export const ELEMENT_NAMES: readonly string[] = ['apple', 'bread', 'milk', 'eggs', 'tea', 'rice', 'jam', 'figs', 'salt', 'oats', 'kale', 'plum'];

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function parseRequest(request: ParameterValues): CrdtOperation {
  const op = OPERATION_NAMES.includes(request.op as OperationName) ? (request.op as OperationName) : 'increment';
  const integer = (field: string, fallback: number): number => (typeof request[field] === 'number' ? Math.trunc(request[field] as number) : fallback);
  const text = (field: string, fallback: string): string => (typeof request[field] === 'string' ? (request[field] as string) : fallback);
  return {
    op,
    element: text('element', 'apple'),
    amount: integer('amount', 1),
    value: text('value', 'x'),
    text: text('text', 'a'),
    position: integer('position', 0),
    price: integer('price', 0),
  };
}

function operation(op: OperationName, fields: Partial<CrdtOperation>): CrdtOperation {
  return { op, element: '', amount: 1, value: '', text: '', position: 0, price: 0, ...fields };
}

/** A random operation for `type`, given the replica's current value and the element names in play. */
export function randomOperation(type: CrdtTypeName, random: Prng, value: PlainData, elementCount: number, replica: string): CrdtOperation {
  const elements = ELEMENT_NAMES.slice(0, Math.max(1, Math.min(elementCount, ELEMENT_NAMES.length)));
  const element = random.pick(elements);
  switch (type) {
    case 'g-counter':
      return operation('increment', { amount: random.between(1, 3) });
    case 'pn-counter':
      return operation(random.chance(2, 3) ? 'increment' : 'decrement', { amount: random.between(1, 3) });
    case 'lww-register':
    case 'mv-register':
      return operation('set', { value: `${replica}-${random.between(1, 99)}` });
    case 'or-set': {
      const present = value as string[];
      // Remove only what is visible; add otherwise (about one in three operations removes).
      if (present.length > 0 && random.chance(1, 3)) return operation('remove', { element: random.pick(present) });
      return operation('add', { element });
    }
    case 'or-map': {
      const items = Object.keys(value as Record<string, PlainData>);
      if (items.length > 0 && random.chance(1, 4)) return operation('cart-remove', { element: random.pick(items) });
      return operation('cart-add', { element, amount: random.between(1, 3), price: random.chance(1, 3) ? random.between(100, 999) : 0 });
    }
    case 'rga': {
      const text = value as string;
      if (text.length > 0 && random.chance(1, 4)) return operation('delete', { position: random.below(text.length), amount: 1 });
      return operation('insert', { position: random.below(text.length + 1), text: LETTERS[random.below(LETTERS.length)] as string });
    }
  }
}
