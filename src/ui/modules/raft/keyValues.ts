/**
 * The key-value panel's model: each server's replicated store side by side (rows = keys,
 * columns = servers). Servers apply committed entries in log order (paper §5.3, State
 * Machine Safety), so a server that applied fewer entries than the most advanced one lags:
 * its store is an older state of the same history. The model names the reference server
 * (the one that applied most, the leader on a tie) and flags lagging servers and the cells
 * where they differ from it.
 */
import type { Frame } from '../../../worker/api';
import { currentLeader, serverViews } from './raftState';

/**
 * Followers learn that an entry committed with the leader's next AppendEntries, so being an
 * entry or two behind the leader is the normal pipeline. From this many entries behind, a
 * server is highlighted as lagging: it is cut off, slow or catching up.
 */
export const LAGGING_ENTRIES = 3;

export interface KeyValueColumn {
  id: string;
  /** null while crashed: the store is volatile and rebuilt from the log on restart. */
  lastApplied: number | null;
  /** Entries behind the reference server; 0 for the reference and anyone level with it. */
  lag: number;
  /** lag ≥ LAGGING_ENTRIES. */
  lagging: boolean;
  isLeader: boolean;
}

export interface KeyValueCell {
  value: string | null;
  /** The server is up and its value differs from the reference server's. */
  differs: boolean;
  /** It differs and the server is lagging: a read served here now would be stale. */
  stale: boolean;
}

export interface KeyValueTable {
  columns: KeyValueColumn[];
  keys: string[];
  /** cells[keyIndex][columnIndex]; value null = the key is absent (or the server is crashed). */
  cells: KeyValueCell[][];
  referenceId: string | null;
}

export function keyValueTable(frame: Frame): KeyValueTable {
  const servers = serverViews(frame);
  const leaderId = currentLeader(frame)?.id ?? null;
  let reference: (typeof servers)[number] | null = null;
  for (const server of servers) {
    if (server.live === null) continue;
    const better = reference === null || server.live.lastApplied > (reference.live?.lastApplied ?? -1) || (server.live.lastApplied === reference.live?.lastApplied && server.id === leaderId);
    if (better) reference = server;
  }
  const referenceApplied = reference?.live?.lastApplied ?? 0;
  const columns: KeyValueColumn[] = servers.map((server) => {
    const lag = server.live === null ? 0 : referenceApplied - server.live.lastApplied;
    return { id: server.id, lastApplied: server.live?.lastApplied ?? null, lag, lagging: lag >= LAGGING_ENTRIES, isLeader: server.id === leaderId };
  });
  const keySet = new Set<string>();
  for (const server of servers) if (server.live !== null) for (const key of Object.keys(server.live.kv)) keySet.add(key);
  const keys = [...keySet].sort(naturalOrder);
  const referenceKv = reference?.live?.kv ?? {};
  const cells = keys.map((key) =>
    servers.map((server, index): KeyValueCell => {
      if (server.live === null) return { value: null, differs: false, stale: false };
      const value = server.live.kv[key] ?? null;
      const differs = value !== (referenceKv[key] ?? null);
      return { value, differs, stale: differs && (columns[index]?.lagging ?? false) };
    }),
  );
  return { columns, keys, cells, referenceId: reference?.id ?? null };
}

/** k2 before k10. */
/** One collator for every comparison: localeCompare with options builds one per call, and the key table sorts every frame. */
const collator = new Intl.Collator('en', { numeric: true });

export function naturalOrder(left: string, right: string): number {
  return collator.compare(left, right);
}
