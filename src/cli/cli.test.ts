/**
 * The headless CLI, called in-process (main.test.ts spawns it for real): determinism on
 * every example, exit codes, --at snapshots, --history, and bad input naming its field.
 */
import { describe, expect, it } from 'vitest';
import { encodeScenarioHash } from '../scenario';
import { exampleNames } from './loadScenario';
import type { RunReport } from './runReport';
import { DUPLICATING_PING, HEALTHY_PING, cli, scenarioFiles } from './testing';

const files = scenarioFiles({
  healthy: HEALTHY_PING,
  duplicating: DUPLICATING_PING,
  unknownModule: { ...HEALTHY_PING, module: 'paxos-made-simple' },
  negativeSeed: { ...HEALTHY_PING, seed: -3 },
  unknownNode: { ...HEALTHY_PING, schedule: [{ type: 'crash', node: 'n9', at: 100 }] },
  notJson: '{ "version": 1, ',
});

async function runJson(...argv: string[]): Promise<{ code: number; report: RunReport }> {
  const result = await cli('run', ...argv, '--json');
  expect(result.stderr).toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) as RunReport };
}

describe('sim run: determinism', () => {
  const examples = exampleNames();

  it('finds the example scenarios in public/scenarios', () => {
    expect(examples).toContain('ping-basic');
  });

  it.each(examples)('example %s twice gives equal hashes', async (name) => {
    const first = await runJson(name);
    const second = await runJson(name);
    expect(first.report.traceHash).toMatch(/^[0-9a-f]{16}$/);
    expect(second.report.traceHash).toBe(first.report.traceHash);
    expect(second.report.events).toBe(first.report.events);
    expect(second.code).toBe(first.code);
    expect(first.report.events).toBeGreaterThan(0);
  });

  it('a file, an example URL and a #s= URL of the same scenario give the same hash', async () => {
    const fromFile = await runJson(files.healthy as string, '--until', '2000');
    const link = `http://localhost:5173/${encodeScenarioHash(HEALTHY_PING, 2000)}`;
    const fromLink = await runJson(link);
    expect(fromLink.report.virtualTimeMs).toBe(2000);
    expect(fromLink.report.traceHash).toBe(fromFile.report.traceHash);
    const byName = await runJson('ping-basic', '--until', '1500');
    const byUrl = await runJson('http://localhost:5173/#scenario=ping-basic&t=1500');
    expect(byUrl.report.traceHash).toBe(byName.report.traceHash);
  });
});

describe('sim run: report and exit codes', () => {
  it('exits 0 and reports every field when all invariants hold', async () => {
    const { code, report } = await runJson(files.healthy as string, '--until', '3000');
    expect(code).toBe(0);
    expect(report).toMatchObject({ module: 'ping', seed: 7, virtualTimeMs: 3000 });
    expect(report.invariants.length).toBeGreaterThan(0);
    expect(report.invariants.every((invariant) => invariant.ok && invariant.violations.length === 0)).toBe(true);
    expect(report.nodes.map((node) => node.id)).toEqual(['n1', 'n2', 'n3', 'c1']);
    expect(report.nodes.every((node) => node.status === 'up' && node.state !== null)).toBe(true);
    expect(report.snapshots).toBeUndefined();
    expect(report.history).toBeUndefined();
    expect(report.summary.pingsSent).toBeGreaterThan(0);
  });

  it('exits 1 and reports every violation up to --until (the run does not pause)', async () => {
    const { code, report } = await runJson(files.duplicating as string, '--until', '3000');
    expect(code).toBe(1);
    const pongs = report.invariants.find((invariant) => invariant.name === 'Pongs answer pings');
    expect(pongs?.ok).toBe(false);
    expect(pongs?.violationCount).toBeGreaterThan(1);
    expect(pongs?.violations[0]).toMatchObject({ atMs: expect.any(Number), event: expect.any(Number), message: expect.stringContaining('pong') });
    expect(report.virtualTimeMs).toBe(3000);
  });

  it('--until defaults to 10000 ms without viewAtMs, and to the URL time with it', async () => {
    expect((await runJson(files.healthy as string)).report.virtualTimeMs).toBe(10_000);
    expect((await runJson('http://localhost:5173/#scenario=ping-basic&t=1234.5')).report.virtualTimeMs).toBe(1234.5);
  });

  it('--at snapshots the nodes on the way without changing the run', async () => {
    const plain = await runJson(files.healthy as string, '--until', '3000');
    const { report } = await runJson(files.healthy as string, '--until', '3000', '--at', '2000,500');
    expect(report.traceHash).toBe(plain.report.traceHash);
    expect(report.snapshots?.map((snapshot) => snapshot.atMs)).toEqual([500, 2000]);
    const [early, late] = report.snapshots ?? [];
    expect(early?.nodes.find((node) => node.id === 'n2')?.status).toBe('crashed');
    expect(late?.nodes.find((node) => node.id === 'n2')?.status).toBe('up');
    // A snapshot at T is the state of a run stopped at T.
    const stopped = await runJson(files.healthy as string, '--until', '2000');
    expect(late?.traceHash).toBe(stopped.report.traceHash);
    expect(late?.nodes).toEqual(stopped.report.nodes);
  });

  it('--history adds the client history in the Jepsen convention', async () => {
    const { report } = await runJson(files.healthy as string, '--until', '2000', '--history');
    const history = report.history ?? [];
    expect(history.length).toBeGreaterThan(2);
    expect(history[0]).toMatchObject({ process: 'c1', type: 'invoke', f: 'echo' });
    expect(history.some((record) => record.type === 'ok')).toBe(true);
    for (const record of history) expect(['invoke', 'ok', 'fail', 'info']).toContain(record.type);
  });

  it('prints a short human summary without --json', async () => {
    const healthy = await cli('run', files.healthy as string, '--until', '1000');
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toMatch(/^ping · seed 7 · 1000 ms of virtual time · \d+ events/);
    expect(healthy.stdout).toContain('all invariants hold');
    const failing = await cli('run', files.duplicating as string, '--until', '3000');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('FAIL Pongs answer pings');
  });
});

describe('sim run: bad input exits 2 naming the field', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['/no/such/scenario.json'], /scenario: file not found: \/no\/such\/scenario\.json/],
    ['an unknown example', ['no-such-example'], /scenario: no file or example named 'no-such-example'/],
    ['an unknown module', [files.unknownModule as string], /module: unknown module 'paxos-made-simple'/],
    ['an invalid field', [files.negativeSeed as string], /seed: must be at least 0/],
    ['an unknown node in the schedule', [files.unknownNode as string], /schedule\[0\]\.node: unknown node 'n9'/],
    ['a file that is not JSON', [files.notJson as string], /\(json\): is not valid JSON/],
    ['a garbage #s= URL', ['http://localhost:5173/#s=%%%garbage'], /s: is not a compressed scenario/],
    ['a URL without a hash', ['http://localhost:5173/'], /url: has no #s=/],
    ['a hostile example name in a URL', ['http://localhost:5173/#scenario=../../etc/passwd'], /scenario: '\.\.\/\.\.\/etc\/passwd' is not an example name/],
    ['a bad --until', ['ping-basic', '--until', 'soon'], /--until: must be a virtual time/],
    ['an --at after --until', ['ping-basic', '--until', '100', '--at', '50,200'], /--at: 200 ms is after --until 100 ms/],
    ['an unknown option', ['ping-basic', '--fast'], /--fast: unknown option/],
    ['no scenario', [], /scenario: missing/],
  ];

  it.each(cases)('%s', async (_label, argv, message) => {
    const result = await cli('run', ...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('an unknown command exits 2; help exits 0', async () => {
    expect((await cli('fly')).code).toBe(2);
    const help = await cli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run -s sim -- run <scenario>');
  });
});
