/**
 * Structural equality for the plain data frames carry (objects, arrays, primitives; no
 * cycles, Maps or class instances: frames arrive through structured cloning from JSON-like
 * state). Frames are replaced wholesale, so "did this node change?" cannot be answered by
 * identity; views that would draw the same from two snapshots use this to skip a render.
 */
export function sameData(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left)) return Array.isArray(right) && sameArrays(left, right);
  if (Array.isArray(right)) return false;
  return sameRecords(left as Record<string, unknown>, right as Record<string, unknown>);
}

function sameArrays(left: readonly unknown[], right: readonly unknown[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (!sameData(left[index], right[index])) return false;
  return true;
}

function sameRecords(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (!Object.hasOwn(right, key) || !sameData(left[key], right[key])) return false;
  return true;
}
