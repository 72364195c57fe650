/**
 * Checkers for the CRDT module, outside the protocol (style.md §6).
 *
 * Strong eventual consistency (Shapiro et al. 2011, Definition 2.3):
 *  - safety, after every event: two replicas (of the same sync mode) that have delivered the
 *    same updates — equal version vectors — have equal values;
 *  - liveness, once faults healed and the workload stopped: every replica has delivered every
 *    update and all values are equal.
 * Intent checks compare a replica that has delivered every update against what the users
 * asked for: a counter equals the increments minus the decrements issued; an OR-Set equals
 * the add-wins reference semantics over the recorded operations (an element is present iff
 * some add of it was observed by no remove). The lost-update checker watches the naive store.
 */
import { canonicalJson, type PlainData } from '../../core/plainData';
import type { CheckView, LivenessChecker, ModuleConfig, NodeView, SafetyChecker } from '../../protocol';
import type { CrdtReplicaState, ReplicaCopy } from './state';
import { covers, describeVector, vectorLessOrEqual, vectorsEqual, type VersionVector } from './versionVector';

type View = CheckView<CrdtReplicaState>;

/** The state of a server node, or what it persisted while crashed. */
export function replicaOf(node: NodeView<CrdtReplicaState>): CrdtReplicaState | null {
  if (node.kind !== 'server') return null;
  return node.state ?? (node.persistent as unknown as CrdtReplicaState | null);
}

function liveReplicas(view: View): Array<{ id: string; state: CrdtReplicaState }> {
  const live: Array<{ id: string; state: CrdtReplicaState }> = [];
  for (const node of view.nodes) if (node.kind === 'server' && node.state !== null) live.push({ id: node.id, state: node.state });
  return live;
}

/** Per origin, how many updates that origin issued in copies of `mode`. */
export function issuedVector(view: View, mode: string): VersionVector {
  const issued: VersionVector = {};
  for (const node of view.nodes) {
    const copy = replicaOf(node)?.copies.find((candidate) => candidate.mode === mode);
    const own = copy?.versionVector[node.id] ?? 0;
    if (own > 0) issued[node.id] = own;
  }
  return issued;
}

export const show = (value: PlainData): string => canonicalJson(value);

type SeenKeys = Record<string, [string, string]>;

const equalDeliveriesEqualValues: SafetyChecker<CrdtReplicaState> = {
  name: 'Equal deliveries, equal values',
  description: 'Strong eventual consistency, safety: replicas that delivered the same updates (equal version vectors) have equal values.',
  init: () => ({}),
  check(checkerState, view: View) {
    const seen = checkerState as SeenKeys;
    const node = view.nodes[view.changedNode];
    const state = node?.state;
    if (node === undefined || node.kind !== 'server' || state === null || state === undefined) return null;
    for (const copy of state.copies) {
      const keys: [string, string] = [describeVector(copy.versionVector), show(copy.value)];
      seen[`${node.id}|${copy.mode}`] = keys;
      for (const other of view.nodes) {
        if (other === node || other.state === null) continue;
        const theirs = seen[`${other.id}|${copy.mode}`];
        if (theirs !== undefined && theirs[0] === keys[0] && theirs[1] !== keys[1]) {
          return `${node.id} and ${other.id} (${copy.mode} sync) delivered the same updates ${keys[0]} but show ${keys[1]} and ${theirs[1]}`;
        }
      }
    }
    return null;
  },
};

function counterIntent(): SafetyChecker<CrdtReplicaState> {
  return {
    name: 'Counter equals what was issued',
    description: 'A counter replica that delivered every update shows the sum of all increments minus all decrements issued.',
    init: () => null,
    check(_checkerState, view: View) {
      const state = view.nodes[view.changedNode]?.state;
      if (state === null || state === undefined || view.nodes[view.changedNode]?.kind !== 'server') return null;
      let expected = 0;
      for (const node of view.nodes) {
        const replica = replicaOf(node);
        if (replica !== null) expected += replica.issued.increments - replica.issued.decrements;
      }
      for (const copy of state.copies) {
        if (!vectorLessOrEqual(issuedVector(view, copy.mode), copy.versionVector)) continue;
        if (copy.value !== expected) {
          return `${state.replicaId} (${copy.mode} sync) delivered every update ${describeVector(copy.versionVector)} but shows ${show(copy.value)}, not the ${expected} issued`;
        }
      }
      return null;
    },
  };
}

export type RecordedSetOperation = { origin: string; counter: number; op: string; element: string; dependencies: VersionVector };
type AddWinsState = { operations: Record<string, RecordedSetOperation[]>; seen: Record<string, number>; checked: Record<string, string>; overflow: boolean };

/** The add-wins reference: present iff some add of the element was observed by no remove of it. */
export function addWinsReference(operations: readonly RecordedSetOperation[], delivered: VersionVector): string[] {
  const visible = operations.filter((operation) => covers(delivered, operation.origin, operation.counter));
  const present = new Set<string>();
  for (const add of visible) {
    if (add.op !== 'add') continue;
    const observed = visible.some((remove) => remove.op === 'remove' && remove.element === add.element && covers(remove.dependencies, add.origin, add.counter));
    if (!observed) present.add(add.element);
  }
  return [...present].sort();
}

/** Above this many recorded operations the checker stops judging (its state would dominate checkpoints). */
export const ADD_WINS_OPERATIONS_LIMIT = 5_000;

function recordOperations(checker: AddWinsState, nodeId: string, copy: ReplicaCopy): void {
  const last = copy.lastOperation;
  const key = `${nodeId}|${copy.mode}`;
  if (last === null || last.counter <= (checker.seen[key] ?? 0)) return;
  checker.seen[key] = last.counter;
  const list = (checker.operations[copy.mode] ??= []);
  if (list.length >= ADD_WINS_OPERATIONS_LIMIT) checker.overflow = true;
  else list.push({ origin: nodeId, counter: last.counter, op: last.op, element: last.element, dependencies: last.dependencies });
}

function addWinsIntent(): SafetyChecker<CrdtReplicaState> {
  return {
    name: 'Add wins',
    description: `An OR-Set replica that delivered every update equals the add-wins reference: a concurrent add and remove of an element leave it present (judged for the first ${ADD_WINS_OPERATIONS_LIMIT} operations per sync mode).`,
    init: (): AddWinsState => ({ operations: {}, seen: {}, checked: {}, overflow: false }),
    check(checkerState, view: View) {
      const checker = checkerState as AddWinsState;
      const node = view.nodes[view.changedNode];
      const state = node?.state;
      if (node === undefined || node.kind !== 'server' || state === null || state === undefined) return null;
      for (const copy of state.copies) recordOperations(checker, node.id, copy);
      if (checker.overflow) return null;
      for (const copy of state.copies) {
        const key = `${node.id}|${copy.mode}`;
        const vector = describeVector(copy.versionVector);
        if (checker.checked[key] === vector || !vectorLessOrEqual(issuedVector(view, copy.mode), copy.versionVector)) continue;
        checker.checked[key] = vector;
        const expected = addWinsReference(checker.operations[copy.mode] ?? [], copy.versionVector);
        if (show(expected) !== show(copy.value)) {
          return `${node.id} (${copy.mode} sync) delivered every update but shows ${show(copy.value)}; add-wins over the recorded operations gives ${show(expected)}`;
        }
      }
      return null;
    },
  };
}

type LostUpdateState = { newest: Record<string, { timestamp: number; replica: string; atMs: number }>; seen: Record<string, number>; lost: number };

function lostUpdates(): SafetyChecker<CrdtReplicaState> {
  return {
    name: 'No lost updates (naive store)',
    description:
      'A write the naive last-writer-wins store acknowledged is lost when an earlier write (in global virtual time) to the same key carries a larger (timestamp, replica): every replica discards the later write, at once or once the earlier one arrives.',
    init: (): LostUpdateState => ({ newest: {}, seen: {}, lost: 0 }),
    check(checkerState, view: View) {
      const checker = checkerState as LostUpdateState;
      const node = view.nodes[view.changedNode];
      const store = node?.state?.naive;
      if (node === undefined || store === null || store === undefined) return null;
      let message: string | null = null;
      for (const write of store.recentWrites) {
        if (write.sequence <= (checker.seen[node.id] ?? 0)) continue;
        checker.seen[node.id] = write.sequence;
        const newest = checker.newest[write.key];
        const atMs = view.now / 1000;
        if (newest !== undefined && (newest.timestamp > write.timestamp || (newest.timestamp === write.timestamp && newest.replica > write.replica))) {
          checker.lost++;
          message ??= `lost update #${checker.lost}: ${node.id} wrote ${show(write.key)} = ${show(write.value)} at ${atMs} ms with timestamp ${write.timestamp / 1000} ms, but ${newest.replica} wrote it earlier, at ${newest.atMs} ms, with the larger timestamp ${newest.timestamp / 1000} ms`;
        } else {
          checker.newest[write.key] = { timestamp: write.timestamp, replica: write.replica, atMs };
        }
      }
      return message;
    },
  };
}

export function crdtSafetyCheckers(config: ModuleConfig): SafetyChecker<CrdtReplicaState>[] {
  const checkers = [equalDeliveriesEqualValues];
  if (config.params.type === 'g-counter' || config.params.type === 'pn-counter') checkers.push(counterIntent());
  if (config.params.type === 'or-set') checkers.push(addWinsIntent());
  if (config.variants.naiveStore) checkers.push(lostUpdates());
  return checkers;
}

/** Why the replicas have not converged, or null when they have. */
export function divergence(view: View): string | null {
  const replicas = liveReplicas(view);
  const first = replicas[0];
  if (first === undefined) return null;
  for (const copy of first.state.copies) {
    const issued = issuedVector(view, copy.mode);
    for (const { id, state } of replicas) {
      const theirs = state.copies.find((candidate) => candidate.mode === copy.mode) as ReplicaCopy;
      if (!vectorLessOrEqual(issued, theirs.versionVector)) {
        return `${id} (${copy.mode} sync) has delivered ${describeVector(theirs.versionVector)} of ${describeVector(issued)}`;
      }
      if (!vectorsEqual(theirs.versionVector, copy.versionVector) || show(theirs.value) !== show(copy.value)) {
        return `${id} differs from ${first.id} (${copy.mode} sync): ${show(theirs.value)} vs ${show(copy.value)}`;
      }
    }
  }
  return null;
}

export function crdtLivenessCheckers(): LivenessChecker<CrdtReplicaState>[] {
  return [
    {
      name: 'Replicas converge',
      description:
        'Strong eventual consistency, liveness: once faults heal and the random workload has stopped, every replica delivers every update and all show the same value. While the workload still issues operations there is nothing to judge yet.',
      evaluate(view: View) {
        if (liveReplicas(view).some(({ state }) => state.workloadActive)) return null;
        return divergence(view);
      },
    },
  ];
}
