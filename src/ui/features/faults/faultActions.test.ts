import { describe, expect, it } from 'vitest';
import { linkChoices, nextGroup, nodeChoices, partitionAction } from './faultActions';

const raft = { name: 'raft', title: 'Raft', description: '', forceableTimer: 'election', selectors: ['leader'] };
const ids = (choices: ReturnType<typeof nodeChoices>) => choices.map((choice) => choice.id);

describe('node choices', () => {
  it('offers what fits the node status and the module', () => {
    expect(ids(nodeChoices({ id: 'n1', status: 'up' }, raft))).toEqual(['crash', 'pause', 'timeout', 'isolate']);
    expect(ids(nodeChoices({ id: 'n1', status: 'crashed' }, raft))).toEqual(['restart', 'isolate']);
    expect(ids(nodeChoices({ id: 'n1', status: 'paused' }, raft))).toEqual(['crash', 'resume', 'isolate']);
    // No forceable timer, no "force timeout".
    expect(ids(nodeChoices({ id: 'n1', status: 'up' }, { ...raft, forceableTimer: null }))).not.toContain('timeout');
  });

  it('targets the node, leaving the time to the engine', () => {
    const crash = nodeChoices({ id: 'n2', status: 'up' }, raft)[0];
    expect(crash?.action).toEqual({ type: 'crash', node: 'n2', at: 0 });
  });
});

describe('link choices', () => {
  it('cuts one way or both on a healthy link, and holds either direction', () => {
    const choices = linkChoices('n1', 'n2', 'healthy', 'healthy');
    expect(choices.map((choice) => choice.id)).toEqual(['cut-n1-n2', 'cut-n2-n1', 'cut-both', 'hold-n1-n2', 'hold-n2-n1']);
    expect(choices[0]?.action).toEqual({ type: 'cut', from: 'n1', to: 'n2', oneWay: true, at: 0 });
    expect(choices[2]?.action).toEqual({ type: 'cut', from: 'n1', to: 'n2', at: 0 });
  });

  it('offers repair once a direction is cut, and release for a held direction', () => {
    const ids = linkChoices('n1', 'n2', 'cut', 'held').map((choice) => choice.id);
    expect(ids).toEqual(['cut-n2-n1', 'repair', 'hold-n1-n2', 'release-n2-n1']);
  });
});

describe('partition drawing', () => {
  it('cycles a node through the groups and back to none', () => {
    expect([nextGroup(undefined), nextGroup('A'), nextGroup('B'), nextGroup('C')]).toEqual(['A', 'B', 'C', undefined]);
  });

  it('sends the groups in label order and refuses a drawing that splits nothing', () => {
    const order = ['n1', 'n2', 'n3', 'n4'];
    expect(partitionAction({ n3: 'B', n1: 'A', n2: 'B', n4: 'A' }, order)).toEqual({ type: 'partition', groups: [['n1', 'n4'], ['n2', 'n3']], at: 0 });
    // One group plus the unassigned rest still splits the cluster.
    expect(partitionAction({ n1: 'A' }, order)).toEqual({ type: 'partition', groups: [['n1']], at: 0 });
    expect(partitionAction({}, order)).toBeNull();
    expect(partitionAction({ n1: 'A', n2: 'A', n3: 'A', n4: 'A' }, order)).toBeNull();
  });
});
