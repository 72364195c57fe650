/**
 * A node's named timers. A node has a handful of keys (Raft: 'election', 'heartbeat'), so
 * the table is a short array of slots found by a linear scan over interned key strings, and
 * a slot is disarmed rather than removed: arming, firing and re-arming allocate nothing, and
 * the slots keep one shape (a record with `delete` would drop into dictionary mode, which
 * cost the hot loop a seventh of its time).
 */
import type { Microseconds } from '../core/time';

export interface TimerInfo {
  generation: number;
  dueAt: Microseconds;
  armedAt: Microseconds;
  /**
   * When the queue entry carrying this generation comes up. Invariant: queuedAt ≤ dueAt;
   * an entry that comes up early moves itself to dueAt (see World.nextLive).
   */
  queuedAt: Microseconds;
}

interface TimerSlot extends TimerInfo {
  readonly key: string;
  armed: boolean;
}

/** An armed timer as plain data, for checkpoints and inspect(). */
export interface SavedTimer extends TimerInfo {
  key: string;
}

export class TimerTable {
  private readonly slots: TimerSlot[] = [];

  /** The armed timer under `key`, or undefined. */
  get(key: string): TimerInfo | undefined {
    const slots = this.slots;
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index] as TimerSlot;
      if (slot.key === key) return slot.armed ? slot : undefined;
    }
    return undefined;
  }

  /** Arms `key` (reusing its slot): the caller then sets the fields on the returned timer. */
  arm(key: string): TimerInfo {
    const slots = this.slots;
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index] as TimerSlot;
      if (slot.key === key) {
        slot.armed = true;
        return slot;
      }
    }
    const slot: TimerSlot = { key, armed: true, generation: 0, dueAt: 0, armedAt: 0, queuedAt: 0 };
    slots.push(slot);
    return slot;
  }

  disarm(key: string): void {
    for (const slot of this.slots) if (slot.key === key) slot.armed = false;
  }

  clear(): void {
    for (const slot of this.slots) slot.armed = false;
  }

  /** The armed timers, in the order their keys were first armed. */
  save(): SavedTimer[] {
    const saved: SavedTimer[] = [];
    for (const slot of this.slots) {
      if (slot.armed) saved.push({ key: slot.key, generation: slot.generation, dueAt: slot.dueAt, armedAt: slot.armedAt, queuedAt: slot.queuedAt });
    }
    return saved;
  }

  restore(saved: readonly SavedTimer[]): void {
    this.clear();
    for (const timer of saved) {
      const slot = this.arm(timer.key);
      slot.generation = timer.generation;
      slot.dueAt = timer.dueAt;
      slot.armedAt = timer.armedAt;
      slot.queuedAt = timer.queuedAt;
    }
  }
}
