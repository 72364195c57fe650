/** `sim search`: seeds judged in parallel or in-process alike, and the failing schedule shrunk. */
import { describe, expect, it } from 'vitest';
import { decodeLocationHash } from '../../scenario';
import { cli, DUPLICATING_PING, HEALTHY_PING, scenarioFiles } from '../testing';
import { generateFaultSchedule } from './faults';
import { judgeSeed } from './judge';
import { runSeeds } from './seedPool';
import type { SearchReport } from './searchCommand';

const files = scenarioFiles({ healthy: HEALTHY_PING, duplicating: DUPLICATING_PING });

async function search(...argv: string[]): Promise<{ code: number; report: SearchReport }> {
  const result = await cli('search', ...argv, '--json');
  expect(result.stderr).toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) as SearchReport };
}

describe('sim search', () => {
  it('exits 0 when every seed passes', async () => {
    const { code, report } = await search(files.healthy as string, '--seeds', '1..6', '--until', '2000', '--workers', '1');
    expect(code).toBe(0);
    expect(report.passed).toBe(6);
    expect(report.failures).toEqual([]);
    expect(report.shrunk).toBeNull();
  });

  it('lists failing seeds and shrinks the first schedule to the one action that matters', async () => {
    const { code, report } = await search(files.duplicating as string, '--seeds', '4..7', '--until', '2000', '--workers', '1');
    expect(code).toBe(1);
    expect(report.failures.map((failure) => failure.seed)).toEqual([4, 5, 6, 7]);
    const shrunk = report.shrunk;
    expect(shrunk?.seed).toBe(4);
    expect(shrunk?.originalActions).toBe(DUPLICATING_PING.schedule?.length);
    expect(shrunk?.scenario.schedule).toEqual([{ type: 'network', duplicationRatio: 0.3, at: 700 }]);
    expect(shrunk?.minimal).toBe(true);
    // The URL hash opens the same shrunk scenario, and it still fails when run.
    const opened = decodeLocationHash(shrunk?.urlHash ?? '');
    expect(opened.kind === 'scenario' && opened.result.ok && opened.result.scenario.schedule).toEqual(shrunk?.scenario.schedule);
    const replay = await cli('run', `http://localhost:5173/${shrunk?.urlHash}`, '--json');
    expect(replay.code).toBe(1);
  });

  it('shrinks random faults away when the failure does not need them (--faults)', async () => {
    const base = { ...DUPLICATING_PING, schedule: [], network: { duplicationRatio: 0.3 } };
    const paths = scenarioFiles({ base });
    const { report } = await search(paths.base as string, '--seeds', '11..12', '--until', '2000', '--faults', '3', '--workers', '1');
    expect(report.shrunk?.originalActions).toBeGreaterThanOrEqual(3);
    expect(report.shrunk?.actions).toBe(0);
  });

  it('gives the same outcomes from forked workers as in-process', async () => {
    const job = { scenario: { ...DUPLICATING_PING, schedule: [] }, untilMs: 1500, faultEpisodes: 2 };
    const inProcess = await runSeeds(job, [1, 2, 3, 4], 1);
    const forked = await runSeeds(job, [1, 2, 3, 4], 2);
    expect(forked).toEqual(inProcess);
    expect(new Set(forked.map((outcome) => outcome.traceHash)).size).toBe(4);
  });

  it('bad input exits 2 naming the option', async () => {
    const missing = await cli('search', files.healthy as string);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--seeds: is required/);
    const reversed = await cli('search', files.healthy as string, '--seeds', '5..1');
    expect(reversed.stderr).toMatch(/--seeds: the range ends before it starts/);
    expect((await cli('search', files.healthy as string, '--seeds', '1..2', '--workers', '0')).stderr).toMatch(/--workers: must be a whole number/);
  });
});

describe('random fault schedules', () => {
  it('are drawn from the seed alone (seed 9 twice equal, seed 10 different)', () => {
    const scenario = { ...HEALTHY_PING, seed: 9 };
    const first = generateFaultSchedule(scenario, 5, 5000);
    expect(generateFaultSchedule(scenario, 5, 5000)).toEqual(first);
    expect(generateFaultSchedule({ ...scenario, seed: 10 }, 5, 5000)).not.toEqual(first);
    expect(first.length).toBeGreaterThanOrEqual(5);
    for (const action of first) expect(action.at).toBeGreaterThanOrEqual(0);
    for (const action of first) expect(action.at).toBeLessThanOrEqual(5000);
  });

  it('make a seed judge the same way every time', () => {
    const job = { scenario: HEALTHY_PING, untilMs: 3000, faultEpisodes: 4 };
    expect(judgeSeed(job, 21)).toEqual(judgeSeed(job, 21));
  });
});
