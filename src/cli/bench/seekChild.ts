/**
 * Child process for the Raft long run: `seekChild.ts <targetEvents> <seekCount> [publicDirectory]` prints
 * the seek and memory figures as one JSON line. Isolated because a long Raft run holds a
 * growing log in every checkpoint, and running out of heap must only skip this section.
 */
import { measureSeekAndMemory } from './seek';
import { raftScenario } from './raft';

const [targetEvents, seekCount, publicDirectory] = process.argv.slice(2);
const scenario = raftScenario(publicDirectory);
const figures = 'skipped' in scenario ? scenario : measureSeekAndMemory(scenario, Number(targetEvents ?? 1_000_000), Number(seekCount ?? 5));
process.stdout.write(`${JSON.stringify(figures)}\n`);
