/**
 * Runs one job over many seeds. With more than one worker, each worker is a child process
 * (forked with tsx's loader, which worker_threads do not pick up reliably) that judges one
 * seed at a time as the parent hands them out, so a slow seed never idles the others.
 * Outcomes come back sorted by seed, whatever order they finished in.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { judgeSeed, type SearchJob, type SeedOutcome } from './judge';
import type { ParentMessage, WorkerMessage } from './seedWorker';

const WORKER_FILE = fileURLToPath(new URL('./seedWorker.ts', import.meta.url));

export async function runSeeds(job: SearchJob, seeds: readonly number[], workers: number): Promise<SeedOutcome[]> {
  const outcomes = workers <= 1 || seeds.length <= 1 ? seeds.map((seed) => judgeSeed(job, seed)) : await runInWorkers(job, seeds, Math.min(workers, seeds.length));
  return outcomes.sort((left, right) => left.seed - right.seed);
}

function runInWorkers(job: SearchJob, seeds: readonly number[], workers: number): Promise<SeedOutcome[]> {
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const outcomes: SeedOutcome[] = [];
  const children: ChildProcess[] = [];
  let next = 0;
  return new Promise<SeedOutcome[]>((resolve, reject) => {
    const fail = (error: Error): void => {
      for (const child of children) child.kill();
      reject(error);
    };
    const handOut = (child: ChildProcess): void => {
      if (next < seeds.length) {
        child.send({ type: 'seed', seed: seeds[next++] as number } satisfies ParentMessage);
      } else {
        child.disconnect();
      }
    };
    for (let index = 0; index < workers; index++) {
      const child = fork(WORKER_FILE, [], { execArgv: ['--import', loader], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'error') return fail(new Error(`seed ${message.seed}: ${message.message}`));
        outcomes.push(message.outcome);
        if (outcomes.length === seeds.length) resolve(outcomes);
        handOut(child);
      });
      child.on('error', fail);
      child.on('exit', (code) => {
        if (code !== 0 && outcomes.length < seeds.length) fail(new Error(`a search worker exited with code ${code}`));
      });
      child.send({ type: 'start', job } satisfies ParentMessage);
      handOut(child);
    }
  });
}
