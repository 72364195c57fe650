/** Runs the Raft long-run benchmark in a child process with a heap cap and a time limit. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PUBLIC_DIRECTORY } from '../loadScenario';
import type { Skipped } from './raft';
import type { SeekAndMemory } from './seek';

const CHILD = fileURLToPath(new URL('./seekChild.ts', import.meta.url));

export interface IsolationLimits {
  heapMegabytes: number;
  timeoutSeconds: number;
}

export function measureRaftSeekIsolated(targetEvents: number, seekCount: number, limits: IsolationLimits, publicDirectory = PUBLIC_DIRECTORY): SeekAndMemory | Skipped {
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const result = spawnSync(process.execPath, [`--max-old-space-size=${limits.heapMegabytes}`, '--import', loader, CHILD, String(targetEvents), String(seekCount), publicDirectory], {
    encoding: 'utf8',
    timeout: limits.timeoutSeconds * 1000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const run = `a ${targetEvents.toLocaleString('en-US')}-event Raft run`;
  if (result.error !== undefined && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { skipped: `${run} took longer than ${limits.timeoutSeconds} s to build and seek` };
  }
  if (/heap out of memory|Reached heap limit/i.test(result.stderr ?? '')) {
    return { skipped: `${run} ran out of memory (heap capped at ${limits.heapMegabytes} MB)` };
  }
  if (result.status !== 0) return { skipped: `${run} failed (exit ${result.status ?? result.signal}): ${(result.stderr ?? '').trim().split('\n').slice(-3).join(' ')}` };
  try {
    return JSON.parse(result.stdout) as SeekAndMemory | Skipped;
  } catch {
    return { skipped: `${run} printed no figures` };
  }
}
