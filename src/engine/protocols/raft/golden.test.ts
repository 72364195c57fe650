/**
 * Golden traces (style.md §13): each testdata/*.txt file is a script in the command language
 * of src/engine/testing/interaction.ts with the expected output under each command. Run with
 * UPDATE_GOLDEN=1 to rewrite the files from the current behaviour; commit only diffs you
 * understand.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatInteractions, parseInteractions, runInteractions } from '../../testing/interaction';
import { describeCommand } from './checkers/common';
import { raftModule } from './module';
import type { RaftServerState } from './types';

const directory = new URL('./testdata/', import.meta.url);

function describeServer(id: string, state: unknown, status: string): string {
  if (state === null) return `${id} ${status}`;
  const server = state as RaftServerState;
  const log = server.log.map((entry) => `${entry.index}/${entry.term} ${describeCommand(entry.command)}`).join(', ');
  const kv = Object.keys(server.kv)
    .sort()
    .map((key) => `${key}=${server.kv[key]}`)
    .join(' ');
  return `${id} ${server.role} term=${server.term} vote=${server.votedFor ?? '-'} commit=${server.commitIndex} applied=${server.lastApplied} log=[${log}] kv={${kv}}`;
}

const options = {
  module: raftModule,
  // Long election timeouts: elections happen only when a script says `campaign`.
  defaults: {
    params: { electionTimeoutMinimumMs: 10_000, electionTimeoutMaximumMs: 20_000, heartbeatIntervalMs: 100 },
    workload: { clients: 0 },
    network: { latencyMs: 1, jitterMs: 0 },
  },
  describeNode: describeServer,
};

describe('Raft golden traces', () => {
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.txt'))) {
    it(file, () => {
      const path = new URL(file, directory);
      const cases = parseInteractions(readFileSync(path, 'utf8'));
      const actual = runInteractions(cases, options);
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(path, formatInteractions(actual));
        return;
      }
      for (let index = 0; index < cases.length; index++) {
        expect(`${actual[index]?.command}\n${actual[index]?.expected}`).toBe(`${cases[index]?.command}\n${cases[index]?.expected}`);
      }
    });
  }
});
