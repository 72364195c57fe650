import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeLocationHash, encodeScenarioHash, exampleScenarioUrl } from './url';
import type { Scenario } from '../engine';

const scenario: Scenario = {
  version: 1,
  module: 'ping',
  title: 'A title with <b>markup</b> & "quotes" + plus',
  seed: 123,
  nodes: 4,
  network: { latencyMs: 3, lossRatio: 0.25 },
  schedule: [{ at: 10.5, type: 'crash', node: 'n1' }, { at: 20, afterEvent: 7, type: 'restart', node: 'n1' }],
};

describe('scenario URLs', () => {
  it('round-trips a scenario and the viewed time exactly', () => {
    const decoded = decodeLocationHash(encodeScenarioHash(scenario, 1234.5));
    expect(decoded.kind).toBe('scenario');
    if (decoded.kind !== 'scenario') return;
    expect(decoded.viewAtMs).toBe(1234.5);
    expect(decoded.result).toEqual({ ok: true, scenario });
  });

  it('round-trips any seed, node count and time (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 10_000_000 }), (seed, nodes, time) => {
        const input: Scenario = { version: 1, module: 'ping', seed, nodes, schedule: [{ at: time / 1000, type: 'heal' }] };
        const decoded = decodeLocationHash(encodeScenarioHash(input, time / 1000));
        expect(decoded).toEqual({ kind: 'scenario', viewAtMs: time / 1000, viewAtEvent: null, result: { ok: true, scenario: input } });
      }),
    );
  });

  it('carries the exact event position beside the time, and refuses a bad one', () => {
    const decoded = decodeLocationHash(encodeScenarioHash(scenario, 20, 57));
    expect(decoded.kind === 'scenario' && [decoded.viewAtMs, decoded.viewAtEvent]).toEqual([20, 57]);
    expect(decodeLocationHash('#scenario=ping-basic&t=5&e=3')).toEqual({ kind: 'example', name: 'ping-basic', viewAtMs: 5, viewAtEvent: 3 });
    for (const bad of ['#scenario=ping-basic&t=5&e=-1', '#scenario=ping-basic&t=5&e=1.5', '#scenario=ping-basic&e=4']) {
      const request = decodeLocationHash(bad);
      expect(request.kind === 'error' && request.errors[0]?.field).toBe('e');
    }
  });

  it('reads example names and refuses path tricks', () => {
    expect(decodeLocationHash('#scenario=raft-basic')).toEqual({ kind: 'example', name: 'raft-basic', viewAtMs: null, viewAtEvent: null });
    expect(decodeLocationHash('#scenario=../../etc/passwd').kind).toBe('error');
    expect(exampleScenarioUrl('a/b')).toBeNull();
    expect(exampleScenarioUrl('ping-basic')).toBe('scenarios/ping-basic.json');
  });

  it('explains garbage, truncation and bad JSON by field', () => {
    const garbage = decodeLocationHash('#s=%%%not-lz');
    expect(garbage.kind === 'scenario' && !garbage.result.ok && garbage.result.errors[0]?.field).toBe('s');
    const truncated = encodeScenarioHash(scenario).slice(0, 30);
    const cut = decodeLocationHash(truncated);
    expect(cut.kind === 'scenario' && !cut.result.ok).toBe(true);
    const notJson = decodeLocationHash('#s=' + compressToEncodedURIComponent('{nope'));
    expect(notJson.kind === 'scenario' && !notJson.result.ok && notJson.result.errors[0]?.field).toBe('(json)');
    const badField = decodeLocationHash('#s=' + compressToEncodedURIComponent(JSON.stringify({ ...scenario, seed: -1 })));
    expect(badField.kind === 'scenario' && !badField.result.ok && badField.result.errors[0]?.field).toBe('seed');
  });

  it('rejects malformed hashes and times', () => {
    expect(decodeLocationHash('')).toEqual({ kind: 'none' });
    expect(decodeLocationHash('#').kind).toBe('none');
    expect(decodeLocationHash('#hello').kind).toBe('error');
    expect(decodeLocationHash('#x=1').kind).toBe('error');
    const badTime = decodeLocationHash('#scenario=ping-basic&t=-4');
    expect(badTime.kind === 'error' && badTime.errors[0]?.field).toBe('t');
    expect(decodeLocationHash('#s=' + 'A'.repeat(600_000)).kind).toBe('error');
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      const decoded = decodeLocationHash(text);
      return ['none', 'example', 'scenario', 'error'].includes(decoded.kind);
    }));
  });
});
