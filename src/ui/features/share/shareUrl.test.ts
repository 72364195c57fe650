import { describe, expect, it } from 'vitest';
import { decodeLocationHash } from '../../../scenario/index';
import type { Scenario } from '../../../worker/api';
import { buildShareUrl } from './shareUrl';

const perturbed: Scenario = {
  version: 1,
  module: 'ping',
  title: 'Shared & <b>perturbed</b>',
  seed: 7,
  nodes: 3,
  schedule: [
    { at: 1000, type: 'crash', node: 'n2' },
    { at: 1234.567, type: 'cut', from: 'n1', to: 'n3', oneWay: true },
  ],
  viewAtMs: 1500.25,
};

describe('buildShareUrl', () => {
  it('replaces the hash with the scenario and the viewed time, keeping path and query', () => {
    const url = buildShareUrl('https://example.org/lab/?embed=1#scenario=ping-basic&t=20', perturbed, 1500.25);
    expect(url.startsWith('https://example.org/lab/?embed=1#s=')).toBe(true);
    expect(url.endsWith('&t=1500.25')).toBe(true);
    expect(url).not.toContain('scenario=ping-basic');
  });

  it('decodes back to the same scenario (every perturbation kept) and the same time', () => {
    const url = buildShareUrl('http://127.0.0.1:4173/', perturbed, 1500.25);
    const request = decodeLocationHash(new URL(url).hash);
    expect(request.kind).toBe('scenario');
    if (request.kind !== 'scenario') return;
    expect(request.viewAtMs).toBe(1500.25);
    expect(request.result.ok).toBe(true);
    if (!request.result.ok) return;
    const { viewAtMs: _viewed, ...withoutView } = perturbed;
    expect(request.result.scenario).toEqual(withoutView);
  });

  it('survives URL parsing unchanged (the hash needs no escaping)', () => {
    const url = buildShareUrl('http://localhost/', perturbed, 0);
    expect(new URL(url).href).toBe(url);
    expect(url.endsWith('&t=0')).toBe(true);
  });
});
