/** A search worker process: receives the job once, then judges the seeds it is handed one by one. */
import { judgeSeed, type SearchJob, type SeedOutcome } from './judge';

export type ParentMessage = { type: 'start'; job: SearchJob } | { type: 'seed'; seed: number };
export type WorkerMessage = { type: 'outcome'; outcome: SeedOutcome } | { type: 'error'; seed: number; message: string };

let job: SearchJob | null = null;

process.on('message', (message: ParentMessage) => {
  if (message.type === 'start') {
    job = message.job;
    return;
  }
  try {
    if (job === null) throw new Error('seed before start');
    reply({ type: 'outcome', outcome: judgeSeed(job, message.seed) });
  } catch (error) {
    reply({ type: 'error', seed: message.seed, message: error instanceof Error ? error.message : String(error) });
  }
});

// The parent disconnects when it has no more seeds; then this process has nothing left to do.
process.on('disconnect', () => process.exit(0));

function reply(message: WorkerMessage): void {
  process.send?.(message);
}
