/** Test helpers for the CLI: run it in-process and capture what it prints. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../engine';
import { runCli } from './cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const error: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), error: (text) => error.push(text) });
  return { code, stdout: out.join('\n'), stderr: error.join('\n') };
}

/** Writes scenario files (name → JSON value) into a fresh temporary directory; returns their paths. */
export function scenarioFiles(files: Record<string, unknown>): Record<string, string> {
  const directory = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(directory, `${name}.json`);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    paths[name] = path;
  }
  return paths;
}

/** A small ping scenario that keeps every invariant. */
export const HEALTHY_PING: Scenario = {
  version: 1,
  module: 'ping',
  seed: 7,
  nodes: 3,
  workload: { clients: 1 },
  schedule: [
    { type: 'crash', node: 'n2', at: 400 },
    { type: 'restart', node: 'n2', at: 800 },
  ],
};

/**
 * Ping with naive pong counting and, among harmless faults, one action that turns on
 * message duplication: the "Pongs answer pings" checker fails, and only that action matters.
 */
export const DUPLICATING_PING: Scenario = {
  version: 1,
  module: 'ping',
  seed: 7,
  nodes: 3,
  variants: { deduplicate: false },
  workload: { clients: 0 },
  schedule: [
    { type: 'crash', node: 'n3', at: 200 },
    { type: 'restart', node: 'n3', at: 400 },
    { type: 'pause', node: 'n2', at: 500 },
    { type: 'resume', node: 'n2', at: 600 },
    { type: 'network', duplicationRatio: 0.3, at: 700 },
    { type: 'isolate', node: 'n1', at: 900 },
    { type: 'heal', at: 1000 },
    { type: 'skew-clock', node: 'n1', skewMs: 20, at: 1100 },
  ],
};
