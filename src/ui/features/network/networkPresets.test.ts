import { describe, expect, it } from 'vitest';
import { flakyNetworkAction, isolateTarget, settingAction, splitBrainAction } from './networkPresets';

const module = { name: 'raft', title: 'Raft', description: '', forceableTimer: 'election', selectors: ['leader', 'follower'] };

describe('network presets', () => {
  it('isolates the selected node, else the leader when the module can name one, else nothing', () => {
    expect(isolateTarget('n3', module)).toBe('n3');
    expect(isolateTarget(null, module)).toBe('@leader');
    expect(isolateTarget(null, { ...module, selectors: [] })).toBeNull();
    expect(isolateTarget(null, null)).toBeNull();
  });

  it('splits the servers into halves, the larger one keeping the clients', () => {
    const nodes = [...['n1', 'n2', 'n3', 'n4', 'n5'].map((id) => ({ id, kind: 'server' as const })), { id: 'c1', kind: 'client' as const }];
    expect(splitBrainAction(nodes)).toEqual({ type: 'partition', groups: [['n1', 'n2', 'n3', 'c1'], ['n4', 'n5']], at: 0 });
    expect(splitBrainAction([{ id: 'n1', kind: 'server' }])).toBeNull();
  });

  it('makes the network flaky: loss 0.2, duplication 0.05 and more jitter than before', () => {
    const action = flakyNetworkAction({ latencyMs: 10, jitterMs: 5 });
    expect(action).toMatchObject({ type: 'network', lossRatio: 0.2, duplicationRatio: 0.05 });
    expect((action as { jitterMs: number }).jitterMs).toBeGreaterThan(5);
  });

  it('sends one slider as one network default', () => {
    expect(settingAction('latencyMs', 42)).toEqual({ type: 'network', latencyMs: 42, at: 0 });
  });
});
