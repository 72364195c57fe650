/**
 * Raft's knobs: protocol parameters, variant toggles, workload and client-request fields, as
 * declarative specs (the scenario validator and the settings panel read these), plus a typed
 * view of a resolved configuration, computed once per configuration object.
 */
import type { ModuleConfig } from '../../protocol';
import type { ParameterSpecs } from '../../parameters';

export const RAFT_PARAMETERS: ParameterSpecs = {
  electionTimeoutMinimumMs: { kind: 'integer', label: 'Election timeout (minimum)', default: 150, minimum: 1, maximum: 600_000, unit: 'ms' },
  electionTimeoutMaximumMs: { kind: 'integer', label: 'Election timeout (maximum)', default: 300, minimum: 1, maximum: 600_000, unit: 'ms' },
  heartbeatIntervalMs: { kind: 'integer', label: 'Heartbeat interval', default: 50, minimum: 1, maximum: 60_000, unit: 'ms' },
  maxEntriesPerAppend: { kind: 'integer', label: 'Entries per AppendEntries', default: 64, minimum: 1, maximum: 10_000 },
  snapshotThreshold: {
    kind: 'integer',
    label: 'Snapshot threshold',
    description: 'With compaction on, a server snapshots once this many applied entries follow its last snapshot.',
    default: 100,
    minimum: 1,
    maximum: 1_000_000,
    unit: 'entries',
  },
  initialMembers: {
    kind: 'integer',
    label: 'Initial members',
    description: 'How many servers (n1, n2, ...) form the first configuration; 0 means all. The rest wait to be added.',
    default: 0,
    minimum: 0,
    maximum: 51,
  },
};

export const RAFT_VARIANTS: ParameterSpecs = {
  preVote: { kind: 'boolean', label: 'PreVote', description: 'Ask for pre-votes before raising the term (dissertation §9.6).', default: false },
  checkQuorum: { kind: 'boolean', label: 'CheckQuorum', description: 'A leader that has not heard from a quorum for an election timeout steps down.', default: false },
  readPath: {
    kind: 'choice',
    label: 'Read path',
    description: 'log: reads go through the log; read-index: confirm leadership with a heartbeat round; lease: serve from the leader while its lease holds; unsafe-any-node: any server answers from its own state (stale reads).',
    default: 'log',
    options: ['log', 'read-index', 'lease', 'unsafe-any-node'],
  },
  compaction: { kind: 'boolean', label: 'Log compaction', description: 'Snapshot the state machine and send InstallSnapshot to lagging followers (paper §7).', default: false },
  figure8Bug: {
    kind: 'boolean',
    label: 'Bug: commit old-term entries by counting',
    description: 'Teaching variant: a leader commits entries of earlier terms once a majority stores them (the paper’s Figure 8 mistake).',
    default: false,
  },
  voteWithoutLogCheck: {
    kind: 'boolean',
    label: 'Bug: vote without the log check',
    description: 'Teaching variant: grant votes without the election restriction of §5.4.1.',
    default: false,
  },
};

export const RAFT_WORKLOAD: ParameterSpecs = {
  clients: { kind: 'integer', label: 'Clients', default: 2, minimum: 0, maximum: 32 },
  requestIntervalMs: { kind: 'integer', label: 'Request interval', default: 200, minimum: 1, maximum: 600_000, unit: 'ms' },
  operations: { kind: 'integer', label: 'Operations per client', description: '0 means no limit.', default: 0, minimum: 0, maximum: 1_000_000 },
  keys: { kind: 'integer', label: 'Keys', default: 3, minimum: 1, maximum: 1000 },
  readRatio: { kind: 'number', label: 'Reads', default: 0.4, minimum: 0, maximum: 1 },
  appendRatio: { kind: 'number', label: 'Appends', default: 0.1, minimum: 0, maximum: 1 },
  casRatio: { kind: 'number', label: 'Compare-and-sets', default: 0.1, minimum: 0, maximum: 1 },
  requestTimeoutMs: { kind: 'integer', label: 'Request timeout', default: 300, minimum: 1, maximum: 600_000, unit: 'ms' },
  maxAttempts: { kind: 'integer', label: 'Attempts before giving up', default: 10, minimum: 1, maximum: 1000 },
  retryBackoffMs: { kind: 'integer', label: 'Retry backoff', default: 20, minimum: 0, maximum: 60_000, unit: 'ms' },
  retryBackoffMaximumMs: { kind: 'integer', label: 'Retry backoff (maximum)', default: 400, minimum: 0, maximum: 600_000, unit: 'ms' },
};

export const RAFT_REQUEST: ParameterSpecs = {
  f: { kind: 'choice', label: 'Operation', default: 'put', options: ['put', 'get', 'append', 'cas'] },
  key: { kind: 'text', label: 'Key', default: 'x', maximumLength: 64 },
  value: { kind: 'text', label: 'Value', description: 'put: the value; append: the suffix; cas: the new value.', default: '1', maximumLength: 200 },
  expected: { kind: 'text', label: 'Expected (cas)', description: 'cas only; leave out (or empty) to expect the key to be absent.', default: '', maximumLength: 200, optional: true },
};

export type ReadPath = 'log' | 'read-index' | 'lease' | 'unsafe-any-node';

export interface RaftSettings {
  electionTimeoutMinimumUs: number;
  electionTimeoutMaximumUs: number;
  heartbeatIntervalUs: number;
  maxEntriesPerAppend: number;
  snapshotThreshold: number;
  initialMembers: string[];
  preVote: boolean;
  checkQuorum: boolean;
  /** Followers ignore vote requests while they hear from a leader (needed by CheckQuorum and leases). */
  leaderStickiness: boolean;
  readPath: ReadPath;
  compaction: boolean;
  figure8Bug: boolean;
  voteWithoutLogCheck: boolean;
  clients: number;
  requestIntervalUs: number;
  operations: number;
  keys: number;
  /** Out of 1000. */
  readPerMille: number;
  appendPerMille: number;
  casPerMille: number;
  requestTimeoutUs: number;
  maxAttempts: number;
  retryBackoffUs: number;
  retryBackoffMaximumUs: number;
}

// Derived once per configuration object: the hot path reads typed numbers, not spec records.
const cache = new WeakMap<ModuleConfig, RaftSettings>();
let lastConfig: ModuleConfig | null = null;
let lastSettings: RaftSettings | null = null;

export function raftSettings(config: ModuleConfig): RaftSettings {
  // Asked several times per event: the last answer first, before the WeakMap lookup.
  if (config === lastConfig && lastSettings !== null) return lastSettings;
  let settings = cache.get(config);
  if (settings === undefined) {
    settings = deriveSettings(config);
    cache.set(config, settings);
  }
  lastConfig = config;
  lastSettings = settings;
  return settings;
}

function deriveSettings(config: ModuleConfig): RaftSettings {
  const { params, variants, workload } = config;
  const number = (value: unknown): number => value as number;
  const minimum = number(params.electionTimeoutMinimumMs);
  const maximum = Math.max(minimum, number(params.electionTimeoutMaximumMs));
  const memberCount = number(params.initialMembers) === 0 ? config.nodeCount : Math.min(config.nodeCount, number(params.initialMembers));
  const initialMembers: string[] = [];
  for (let index = 1; index <= memberCount; index++) initialMembers.push(`n${index}`);
  const readPath = variants.readPath as ReadPath;
  const checkQuorum = variants.checkQuorum === true;
  return {
    electionTimeoutMinimumUs: minimum * 1000,
    electionTimeoutMaximumUs: maximum * 1000,
    heartbeatIntervalUs: number(params.heartbeatIntervalMs) * 1000,
    maxEntriesPerAppend: number(params.maxEntriesPerAppend),
    snapshotThreshold: number(params.snapshotThreshold),
    initialMembers,
    preVote: variants.preVote === true,
    checkQuorum,
    leaderStickiness: checkQuorum || readPath === 'lease',
    readPath,
    compaction: variants.compaction === true,
    figure8Bug: variants.figure8Bug === true,
    voteWithoutLogCheck: variants.voteWithoutLogCheck === true,
    clients: number(workload.clients),
    requestIntervalUs: number(workload.requestIntervalMs) * 1000,
    operations: number(workload.operations),
    keys: number(workload.keys),
    readPerMille: Math.round(number(workload.readRatio) * 1000),
    appendPerMille: Math.round(number(workload.appendRatio) * 1000),
    casPerMille: Math.round(number(workload.casRatio) * 1000),
    requestTimeoutUs: number(workload.requestTimeoutMs) * 1000,
    maxAttempts: number(workload.maxAttempts),
    retryBackoffUs: number(workload.retryBackoffMs) * 1000,
    retryBackoffMaximumUs: number(workload.retryBackoffMaximumMs) * 1000,
  };
}
