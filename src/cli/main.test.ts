/**
 * Real processes, as `npm run -s sim` and `npm run -s bench` start them (through tsx):
 * stdout is exactly one JSON object, exit codes reach the shell, errors go to stderr.
 * Timings are never asserted; the bench test checks the shape of the figures only.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DUPLICATING_PING, scenarioFiles } from './testing';

const LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const SIM = fileURLToPath(new URL('./main.ts', import.meta.url));
const BENCH = fileURLToPath(new URL('./bench/main.ts', import.meta.url));

function spawn(script: string, ...argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', LOADER, script, ...argv], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sim, spawned', () => {
  it('prints one JSON object and exits 0; a second process gives the same hash', () => {
    const first = spawn(SIM, 'run', 'ping-basic', '--until', '4000', '--json');
    const second = spawn(SIM, 'run', 'ping-basic', '--until', '4000', '--json');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const report = JSON.parse(first.stdout) as { traceHash: string; events: number; virtualTimeMs: number };
    expect(report.virtualTimeMs).toBe(4000);
    expect(JSON.parse(second.stdout)).toEqual(report);
  });

  it('exits 1 on a violation and 2 on bad input, with the field on stderr', () => {
    const files = scenarioFiles({ duplicating: DUPLICATING_PING });
    expect(spawn(SIM, 'run', files.duplicating as string, '--until', '2000', '--json').code).toBe(1);
    const bad = spawn(SIM, 'run', 'http://localhost:5173/#s=not-a-scenario');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: s: /);
  });
});

describe('bench, spawned', () => {
  // --no-browser: the browser section builds the app and starts Chromium, too slow for this test;
  // its arithmetic is tested in bench/browserFigures.test.ts and the section itself by running it.
  it('--quick --json prints every section, each with figures or a skip reason', () => {
    const result = spawn(BENCH, '--quick', '--json', '--no-browser');
    expect(result.code).toBe(0);
    const figures = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(figures)).toEqual(['harness', 'bareLoop', 'engine', 'minimalLoop', 'raft', 'linearizability', 'crdt', 'seek', 'memory', 'raftSeek', 'raftMemory', 'browser', 'totalSeconds']);
    expect(figures.harness?.quick).toBe(true);
    expect(figures.bareLoop?.eventsPerSecond).toBeGreaterThan(0);
    expect(figures.engine).toMatchObject({ module: 'ping', tracing: true, events: figures.bareLoop?.events, target: 0.5 });
    expect(figures.engine?.ratioToBareLoop).toBeGreaterThan(0);
    expect(figures.minimalLoop?.ratioToBareLoop).toBeGreaterThan(0);
    expect(figures.browser).toEqual({ skipped: 'not run (--no-browser)' });
    for (const section of ['raft', 'linearizability', 'crdt', 'raftSeek', 'raftMemory'] as const) {
      const value = figures[section] ?? {};
      if ('skipped' in value) expect(typeof value.skipped).toBe('string');
      else expect(Object.keys(value).length).toBeGreaterThan(1);
    }
    expect(figures.seek?.seeks).toHaveLength(3);
    expect(figures.seek?.events).toBeGreaterThanOrEqual(50_000);
    expect(figures.memory?.heapUsedMb).toBeGreaterThan(0);
  });

  it('rejects unknown options with exit 2', () => {
    const result = spawn(BENCH, '--fast');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--fast: unknown option/);
  });
});
