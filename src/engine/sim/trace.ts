/**
 * The trace: an append-only log of typed events, kept in a bounded buffer, and a running
 * hash over every event ever appended (also the dropped ones), so the hash fingerprints the
 * whole run however small the buffer. The canonical encoding is the sequence of fields fed
 * to the hash below, in this order; changing it changes every trace hash.
 */
import { RunningHash, } from '../core/hash';
import { hashString } from '../core/prng';
import type { Microseconds } from '../core/time';

export type TraceKind = 'send' | 'deliver' | 'drop' | 'duplicate' | 'timer' | 'state' | 'client' | 'fault';

const KIND_CODES: Record<TraceKind, number> = {
  send: 1,
  deliver: 2,
  drop: 3,
  duplicate: 4,
  timer: 5,
  state: 6,
  client: 7,
  fault: 8,
};

export interface TraceEvent {
  /** Position in the whole run's trace (0-based), stable across seeks. */
  index: number;
  /** How many simulation events had run when this was recorded (the event it belongs to). */
  event: number;
  time: Microseconds;
  kind: TraceKind;
  node: string;
  peer: string | null;
  messageId: number;
  messageType: string | null;
  detail: string | null;
}

export interface TraceState {
  count: number;
  hash: [number, number];
}

export class Trace {
  private entries: TraceEvent[] = [];
  /** Index of entries[0] in the whole run. */
  private firstIndex = 0;
  private total = 0;
  private readonly hash = new RunningHash();
  private readonly typeHashes = new Map<string, number>();

  constructor(private readonly limit: number) {}

  get count(): number {
    return this.total;
  }

  append(
    event: number,
    time: Microseconds,
    kind: TraceKind,
    node: string,
    peer: string | null,
    messageId: number,
    messageType: string | null,
    detail: string | null,
  ): void {
    const hash = this.hash;
    hash.addInteger(KIND_CODES[kind]);
    hash.addInteger(time);
    hash.addHash(this.intern(node));
    hash.addHash(peer === null ? 0 : this.intern(peer));
    hash.addInteger(messageId);
    hash.addHash(messageType === null ? 0 : this.intern(messageType));
    if (detail !== null) hash.addString(detail);
    const entry: TraceEvent = { index: this.total, event, time, kind, node, peer, messageId, messageType, detail };
    this.total++;
    this.entries.push(entry);
    // Bounded memory: drop the oldest half at once so trimming stays amortized O(1).
    if (this.entries.length > this.limit) {
      const removed = this.entries.length - Math.floor(this.limit / 2);
      this.entries = this.entries.slice(removed);
      this.firstIndex += removed;
    }
  }

  hashHex(): string {
    return this.hash.hex();
  }

  /** Trace events with index in [fromIndex, toIndex), as far as they are still kept. */
  slice(fromIndex = 0, toIndex = this.total): TraceEvent[] {
    const start = Math.max(0, fromIndex - this.firstIndex);
    const end = Math.max(0, toIndex - this.firstIndex);
    return this.entries.slice(start, end);
  }

  /** The oldest index still kept. */
  get oldestKept(): number {
    return this.firstIndex;
  }

  save(): TraceState {
    return { count: this.total, hash: this.hash.save() };
  }

  /** Rewinds to an earlier saved state: entries after it are discarded (replay re-creates them). */
  restore(state: TraceState): void {
    const keep = Math.max(0, state.count - this.firstIndex);
    if (keep < this.entries.length) this.entries.length = keep;
    if (state.count < this.firstIndex) this.firstIndex = state.count;
    this.total = state.count;
    this.hash.restore(state.hash);
  }

  private intern(text: string): number {
    let hash = this.typeHashes.get(text);
    if (hash === undefined) {
      hash = hashString(text);
      this.typeHashes.set(text, hash);
    }
    return hash;
  }
}
