/**
 * The module's headless summary: per sync mode, bytes and messages sent, updates issued,
 * bytes per update, distinct values across replicas, tombstones, and whether that mode's
 * replicas have converged; overall convergence; and the naive store's figures when it runs.
 */
import type { PlainData } from '../../core/plainData';
import type { CheckView } from '../../protocol';
import { divergence, replicaOf, show } from './checkers';
import { naiveValue } from './naiveStore';
import type { CrdtReplicaState, ReplicaCopy } from './state';
import { totalUpdates, vectorsEqual } from './versionVector';

type View = CheckView<CrdtReplicaState>;

function modeSummary(copies: ReplicaCopy[]): Record<string, PlainData> {
  let bytesSent = 0;
  let messagesSent = 0;
  let updates = 0;
  let tombstones = 0;
  let tombstonesCollected = 0;
  let fullStatesSent = 0;
  let pendingOperations = 0;
  let logged = 0;
  const values = new Set<string>();
  for (const copy of copies) {
    bytesSent += copy.bytesSent;
    messagesSent += copy.messagesSent;
    updates = Math.max(updates, totalUpdates(copy.versionVector));
    tombstones += copy.tombstones;
    tombstonesCollected += copy.tombstonesCollected;
    fullStatesSent += copy.delta?.fullStatesSent ?? 0;
    pendingOperations += copy.operations?.pending.length ?? 0;
    logged += copy.operations?.log.length ?? 0;
    values.add(show(copy.value));
  }
  const first = copies[0];
  const converged = first !== undefined && copies.every((copy) => vectorsEqual(copy.versionVector, first.versionVector) && show(copy.value) === show(first.value));
  return {
    converged,
    distinctValues: values.size,
    bytesSent,
    messagesSent,
    updatesDelivered: updates,
    bytesPerUpdate: updates === 0 ? 0 : Math.round(bytesSent / updates),
    tombstones,
    tombstonesCollected,
    ...(first?.mode === 'delta' ? { fullStatesSent } : {}),
    ...(first?.mode === 'op' ? { pendingOperations, loggedOperations: logged } : {}),
  };
}

export function summarizeReplicas(view: View): Record<string, PlainData> {
  const replicas = view.nodes.filter((node) => node.state !== null).map((node) => replicaOf(node) as CrdtReplicaState);
  const first = replicas[0];
  if (first === undefined) return { converged: false };
  const modes: Record<string, PlainData> = {};
  const bytesByMode: Record<string, number> = {};
  for (const copy of first.copies) {
    const copies = replicas.map((replica) => replica.copies.find((candidate) => candidate.mode === copy.mode) as ReplicaCopy);
    const summary = modeSummary(copies);
    modes[copy.mode] = summary;
    bytesByMode[copy.mode] = summary.bytesSent as number;
  }
  const summary: Record<string, PlainData> = {
    type: first.type,
    syncMode: first.syncMode,
    converged: divergence(view) === null,
    divergence: divergence(view),
    updatesIssued: replicas.reduce((total, replica) => total + replica.issued.updates, 0),
    bytesByMode,
    modes,
  };
  if (first.naive !== null) {
    const values = new Set(replicas.map((replica) => show(naiveValue(replica.naive as NonNullable<CrdtReplicaState['naive']>))));
    bytesByMode.naive = replicas.reduce((total, replica) => total + (replica.naive?.bytesSent ?? 0), 0);
    summary.naive = { converged: values.size === 1, distinctValues: values.size, writes: replicas.reduce((total, replica) => total + (replica.naive?.writes ?? 0), 0) };
  }
  return summary;
}
