import { describe, expect, it } from 'vitest';
import { flowStructureKey, snapshotToFlow, type FlowTopologyInput } from './snapshotToFlow';

function topology(serverCount: number, clientCount: number, network: Partial<FlowTopologyInput['network']> = {}): FlowTopologyInput {
  const servers = Array.from({ length: serverCount }, (_, index) => ({ id: `n${index + 1}`, kind: 'server' as const }));
  const clients = Array.from({ length: clientCount }, (_, index) => ({ id: `c${index + 1}`, kind: 'client' as const }));
  return { nodes: [...servers, ...clients], network: { cut: [], held: [], ...network } };
}

describe('snapshotToFlow', () => {
  it('makes one flow node per simulation node, carrying its id and kind', () => {
    const { nodes } = snapshotToFlow(topology(3, 1));
    expect(nodes.map((node) => [node.id, node.data.kind])).toEqual([
      ['n1', 'server'],
      ['n2', 'server'],
      ['n3', 'server'],
      ['c1', 'client'],
    ]);
  });

  it('puts the first server at the top and clients below every server', () => {
    const { nodes } = snapshotToFlow(topology(5, 2));
    const servers = nodes.filter((node) => node.data.kind === 'server');
    const clients = nodes.filter((node) => node.data.kind === 'client');
    const top = Math.min(...servers.map((node) => node.position.y));
    expect(servers[0]?.position.y).toBe(top);
    const lowestServer = Math.max(...servers.map((node) => node.position.y));
    for (const client of clients) expect(client.position.y).toBeGreaterThan(lowestServer);
  });

  it('never places two nodes at the same position', () => {
    for (const count of [1, 2, 3, 5, 9, 25]) {
      const { nodes } = snapshotToFlow(topology(count, 3));
      const positions = new Set(nodes.map((node) => `${node.position.x},${node.position.y}`));
      expect(positions.size).toBe(nodes.length);
    }
  });

  it('draws one link per pair of servers and one per client–server pair, none between clients', () => {
    const { links } = snapshotToFlow(topology(4, 2));
    expect(links).toHaveLength(6 + 2 * 4);
    expect(links.filter((link) => link.source.startsWith('c') && link.target.startsWith('c'))).toEqual([]);
    expect(links.map((link) => link.id)).toContain('link:c2:n4');
    expect(links.filter((link) => link.toClient)).toHaveLength(2 * 4);
  });

  it('marks a link cut both ways, cut one way, held or healthy', () => {
    const { links } = snapshotToFlow(
      topology(4, 0, {
        cut: [
          { from: 'n1', to: 'n2' },
          { from: 'n2', to: 'n1' },
          { from: 'n3', to: 'n1' },
        ],
        held: [{ from: 'n2', to: 'n4' }],
      }),
    );
    const link = (id: string) => links.find((candidate) => candidate.id === id);
    const condition = (id: string) => link(id)?.condition;
    expect(condition('link:n1:n2')).toBe('cut');
    expect(condition('link:n1:n3')).toBe('cut-one-way');
    expect(link('link:n1:n3')?.cutDirections).toEqual(['n3→n1']);
    expect(link('link:n1:n3')?.label).toBe('link n1–n3: cut one way (n3→n1)');
    expect(condition('link:n2:n4')).toBe('held');
    expect(condition('link:n3:n4')).toBe('healthy');
  });

  it('has a structure key that changes with the topology and only with it', () => {
    const base = topology(3, 1);
    expect(flowStructureKey(base)).toBe(flowStructureKey(topology(3, 1)));
    expect(flowStructureKey(base)).not.toBe(flowStructureKey(topology(4, 1)));
    expect(flowStructureKey(base)).not.toBe(flowStructureKey(topology(3, 1, { cut: [{ from: 'n1', to: 'n2' }] })));
    expect(flowStructureKey(base)).not.toBe(flowStructureKey(topology(3, 1, { held: [{ from: 'n1', to: 'n2' }] })));
  });
});
