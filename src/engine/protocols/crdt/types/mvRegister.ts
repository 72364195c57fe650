/**
 * MV-Register, the multi-value register (Shapiro et al. 2011, Specification 10): each written
 * value carries a version vector; a write supersedes every value it has seen, and concurrent
 * writes survive side by side until a later write resolves them. Nothing is lost to clock skew.
 *
 * Invariant: the entries' version vectors are pairwise concurrent (none dominates another),
 * and entries are sorted by their canonical vector so equal payloads are equal data.
 */
import { estimateBytes, NO_TOMBSTONES, WHOLE_DIFFERENCE, type CrdtType } from './common';
import { describeVector, mergeVectors, sortVector, vectorLessOrEqual, vectorsEqual, type VersionVector } from '../versionVector';

export type MvEntry = {
  value: string;
  versionVector: VersionVector;
};

export type MvRegisterPayload = {
  entries: MvEntry[];
};

function dominated(entry: MvEntry, by: MvEntry): boolean {
  return vectorLessOrEqual(entry.versionVector, by.versionVector) && !vectorsEqual(entry.versionVector, by.versionVector);
}

function mvMerge(left: MvRegisterPayload, right: MvRegisterPayload): MvRegisterPayload {
  const all = [...left.entries, ...right.entries];
  const kept: MvEntry[] = [];
  for (const entry of all) {
    if (all.some((other) => dominated(entry, other))) continue;
    if (kept.some((other) => vectorsEqual(other.versionVector, entry.versionVector))) continue;
    kept.push(entry);
  }
  kept.sort((a, b) => (describeVector(a.versionVector) < describeVector(b.versionVector) ? -1 : 1));
  return { entries: kept };
}

export const mvRegister: CrdtType<MvRegisterPayload, MvEntry> = {
  name: 'mv-register',
  title: 'MV-Register',
  operations: ['set'],
  initial: () => ({ entries: [] }),
  prepare(payload, operation, origin) {
    if (operation.op !== 'set') return null;
    let seen: VersionVector = {};
    for (const entry of payload.entries) seen = mergeVectors(seen, entry.versionVector);
    // The origin's update counter is larger than any earlier entry of its own, so the new
    // vector dominates everything this replica has seen.
    return { value: operation.value, versionVector: sortVector({ ...seen, [origin.replica]: origin.counter }) };
  },
  effect: (payload, effect) => mvMerge(payload, { entries: [effect] }),
  delta: (_payload, effect) => ({ entries: [effect] }),
  merge: mvMerge,
  difference: WHOLE_DIFFERENCE,
  value: (payload) => payload.entries.map((entry) => entry.value).sort(),
  sizeBytes: estimateBytes,
  effectSizeBytes: estimateBytes,
  ...NO_TOMBSTONES,
};
