/**
 * The network model: per-link latency with jitter, loss, duplication and reordering, and a
 * link matrix for partitions (a cut link drops what crosses it) and holds (a held link
 * queues what crosses it until released or delivered by hand). Links are directed: a
 * one-way cut blocks from→to and leaves to→from alone.
 *
 * All state is plain arrays indexed by `from * nodeCount + to`, cheap to look up in the hot
 * loop and to copy for checkpoints. Probabilities are parts per million.
 */
import type { Prng } from '../core/prng';
import { toPartsPerMillion } from '../core/prng';
import { millisecondsToMicroseconds, type Microseconds } from '../core/time';
import type { LinkSettingsInput } from '../scenario/types';

export interface LinkSettings {
  latencyUs: Microseconds;
  jitterUs: Microseconds;
  lossPpm: number;
  duplicationPpm: number;
  reorderPpm: number;
}

export interface NetworkState {
  defaults: LinkSettings;
  overrides: (LinkSettings | null)[];
  /** 1 where the directed link is cut. */
  cut: number[];
  /** 1 where the directed link is held. */
  held: number[];
}

export const DEFAULT_LINK: LinkSettings = {
  latencyUs: 10_000,
  jitterUs: 5_000,
  lossPpm: 0,
  duplicationPpm: 0,
  reorderPpm: 0,
};

export function applyLinkInput(base: LinkSettings, input: LinkSettingsInput): LinkSettings {
  return {
    latencyUs: input.latencyMs === undefined ? base.latencyUs : millisecondsToMicroseconds(input.latencyMs),
    jitterUs: input.jitterMs === undefined ? base.jitterUs : millisecondsToMicroseconds(input.jitterMs),
    lossPpm: input.lossRatio === undefined ? base.lossPpm : toPartsPerMillion(input.lossRatio),
    duplicationPpm: input.duplicationRatio === undefined ? base.duplicationPpm : toPartsPerMillion(input.duplicationRatio),
    reorderPpm: input.reorderRatio === undefined ? base.reorderPpm : toPartsPerMillion(input.reorderRatio),
  };
}

export class Network {
  state: NetworkState;

  constructor(
    readonly nodeCount: number,
    defaults: LinkSettings,
  ) {
    const links = nodeCount * nodeCount;
    this.state = {
      defaults,
      overrides: new Array<LinkSettings | null>(links).fill(null),
      cut: new Array<number>(links).fill(0),
      held: new Array<number>(links).fill(0),
    };
  }

  link(from: number, to: number): number {
    return from * this.nodeCount + to;
  }

  settings(from: number, to: number): LinkSettings {
    return this.state.overrides[from * this.nodeCount + to] ?? this.state.defaults;
  }

  isCut(from: number, to: number): boolean {
    return this.state.cut[from * this.nodeCount + to] === 1;
  }

  isHeld(from: number, to: number): boolean {
    return this.state.held[from * this.nodeCount + to] === 1;
  }

  setCut(from: number, to: number, cut: boolean): void {
    if (from !== to) this.state.cut[this.link(from, to)] = cut ? 1 : 0;
  }

  setHeld(from: number, to: number, held: boolean): void {
    this.state.held[this.link(from, to)] = held ? 1 : 0;
  }

  /** The one-way delay for a message on this link: latency, uniform jitter, and rarely a reorder delay. */
  drawDelay(settings: LinkSettings, random: Prng): Microseconds {
    let delay = settings.latencyUs;
    if (settings.jitterUs > 0) delay += random.below(settings.jitterUs + 1);
    if (settings.reorderPpm > 0 && random.chance(settings.reorderPpm, 1_000_000)) {
      // Held back long enough to be overtaken by messages sent after it.
      delay += random.below(2 * (settings.latencyUs + settings.jitterUs) + 1);
    }
    return delay;
  }

  /** The number of directed links that are cut or held: zero means the network is whole. */
  faultCount(): number {
    let count = 0;
    const { cut, held } = this.state;
    for (let index = 0; index < cut.length; index++) count += (cut[index] as number) + (held[index] as number);
    return count;
  }

  healAll(): void {
    this.state.cut.fill(0);
    this.state.held.fill(0);
  }
}
