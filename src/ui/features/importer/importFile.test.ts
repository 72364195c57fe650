import { describe, expect, it } from 'vitest';
import { readImportedFile } from './importFile';

const PING = { version: 1, module: 'ping', seed: 1, nodes: 3 };

function fieldsOf(outcome: ReturnType<typeof readImportedFile>): string[] {
  return outcome.kind === 'problems' ? outcome.report.errors.map((error) => error.field) : [];
}

describe('readImportedFile', () => {
  it('opens a valid scenario file', () => {
    const outcome = readImportedFile('ping.json', 60, JSON.stringify(PING));
    expect(outcome).toEqual({ kind: 'scenario', scenario: PING });
  });

  it('names the field and the problem for a broken scenario, and the file in the title', () => {
    const outcome = readImportedFile('broken.json', 60, JSON.stringify({ ...PING, nodes: 'three', schedule: [{ at: 5, type: 'crash', node: 'n9' }] }));
    expect(outcome.kind).toBe('problems');
    if (outcome.kind !== 'problems') return;
    expect(outcome.report.title).toContain("'broken.json'");
    expect(outcome.report.errors[0]).toEqual({ field: 'nodes', problem: expect.stringMatching(/expected number/) });
  });

  it('reports text that is not JSON, and files over the size limit, without parsing them', () => {
    expect(fieldsOf(readImportedFile('x.json', 5, '{"version": 1,'))).toEqual(['(json)']);
    expect(fieldsOf(readImportedFile('huge.json', 1e12, '{}'))).toEqual(['(file)']);
  });

  it('prefixes embedded-scenario problems with scenario. and checks the trace events', () => {
    const outcome = readImportedFile(
      'trace.json',
      100,
      JSON.stringify({ format: 'faultline-trace', scenario: { ...PING, sead: 4 }, atMs: -1, traceHash: '<b>', trace: [{ index: 0 }] }),
    );
    expect(fieldsOf(outcome)).toEqual(['scenario', 'atMs', 'traceHash', 'trace[0].event']);
    const nested = readImportedFile('trace.json', 100, JSON.stringify({ format: 'faultline-trace', scenario: { ...PING, nodes: 0 }, atMs: 5, trace: [] }));
    expect(fieldsOf(nested)).toEqual(['scenario.nodes']);
  });

  it('refuses a history export with a hint', () => {
    expect(fieldsOf(readImportedFile('h.json', 10, JSON.stringify({ format: 'faultline-history', history: [] })))).toEqual(['format']);
  });
});
