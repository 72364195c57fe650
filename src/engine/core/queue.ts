import type { Microseconds } from './time';

/** Anything the event queue can hold. Invariant: (time, seq) is unique across the queue. */
export interface Queued {
  time: Microseconds;
  seq: number;
}

/**
 * A binary min-heap ordered by (time, seq). The sequence number breaks ties in insertion
 * order, so two events at the same virtual time always run in the order they were
 * scheduled, on every platform. Cancelled entries are skipped by their owner on pop
 * (lazy deletion), which keeps cancellation O(1).
 */
export class EventQueue<T extends Queued> {
  private heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    const heap = this.heap;
    heap.push(item);
    let index = heap.length - 1;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex] as T;
      if (!before(item, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = item;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    const length = heap.length;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      let smallest = left;
      if (right < length && before(heap[right] as T, heap[left] as T)) smallest = right;
      if (!before(heap[smallest] as T, last)) break;
      heap[index] = heap[smallest] as T;
      index = smallest;
    }
    heap[index] = last;
    return top;
  }

  /** The entries in heap order (not sorted): for scans that do not care about order. */
  items(): readonly T[] {
    return this.heap;
  }

  /** The entries in (time, seq) order, for checkpoints and listings. Does not disturb the heap. */
  sorted(): T[] {
    return [...this.heap].sort((left, right) => (before(left, right) ? -1 : 1));
  }

  /** Replaces the contents. Any array is a valid input; it is heapified. */
  reset(items: T[]): void {
    this.heap = [];
    for (const item of items) this.push(item);
  }
}

function before(left: Queued, right: Queued): boolean {
  return left.time < right.time || (left.time === right.time && left.seq < right.seq);
}
