/**
 * The pure mapping from a simulation frame to React Flow's nodes and edges (style.md §11).
 * Servers sit on a circle, clients in a row beneath it; one edge per pair of servers shows
 * the state of both directions of that link. Node *contents* are not in here: each card
 * reads its own node from the store, so a frame re-renders cards, not the whole graph.
 * The result depends only on the topology (ids, kinds, cut and held links), which
 * `flowStructureKey` summarises so the canvas can skip remapping on ordinary frames.
 */
import type { Edge, Node } from '@xyflow/react';
import type { NetworkDescription, NodeSnapshotView } from '../../../worker/api';

export interface FlowNodeData extends Record<string, unknown> {
  nodeId: string;
  kind: NodeSnapshotView['kind'];
}

/** How a link between two servers is doing, looking at both directions. */
export type LinkCondition = 'healthy' | 'cut-one-way' | 'cut' | 'held';

export interface FlowEdgeData extends Record<string, unknown> {
  condition: LinkCondition;
  /** The cut directions, "n1→n2", for the label and screen readers. */
  cutDirections: string[];
}

export type FlowTopologyInput = {
  nodes: ReadonlyArray<Pick<NodeSnapshotView, 'id' | 'kind'>>;
  network: Pick<NetworkDescription, 'cut' | 'held'>;
};

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 120;
const CLIENT_SPACING = 210;

export function snapshotToFlow(input: FlowTopologyInput): { nodes: Node<FlowNodeData>[]; edges: Edge<FlowEdgeData>[] } {
  const servers = input.nodes.filter((node) => node.kind === 'server');
  const clients = input.nodes.filter((node) => node.kind === 'client');
  const radius = Math.max(170, (servers.length * (NODE_WIDTH + 40)) / (2 * Math.PI));
  const nodes: Node<FlowNodeData>[] = [];
  servers.forEach((node, index) => {
    // Start at the top and go clockwise, so n1 is always at twelve o'clock.
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / servers.length;
    const x = servers.length === 1 ? 0 : radius * Math.cos(angle);
    const y = servers.length === 1 ? 0 : radius * Math.sin(angle);
    nodes.push(flowNode(node, x, y));
  });
  const clientsTop = (servers.length === 1 ? 0 : radius) + NODE_HEIGHT + 60;
  clients.forEach((node, index) => {
    const x = (index - (clients.length - 1) / 2) * CLIENT_SPACING;
    nodes.push(flowNode(node, x, clientsTop));
  });
  return { nodes, edges: serverEdges(servers, input.network) };
}

function flowNode(node: Pick<NodeSnapshotView, 'id' | 'kind'>, centerX: number, centerY: number): Node<FlowNodeData> {
  return {
    id: node.id,
    type: 'simulationNode',
    position: { x: Math.round(centerX - NODE_WIDTH / 2), y: Math.round(centerY - NODE_HEIGHT / 2) },
    data: { nodeId: node.id, kind: node.kind },
    draggable: false,
  };
}

function serverEdges(servers: ReadonlyArray<Pick<NodeSnapshotView, 'id'>>, network: FlowTopologyInput['network']): Edge<FlowEdgeData>[] {
  const cut = new Set(network.cut.map((link) => `${link.from}→${link.to}`));
  const held = new Set(network.held.map((link) => `${link.from}→${link.to}`));
  const edges: Edge<FlowEdgeData>[] = [];
  for (let first = 0; first < servers.length; first++) {
    for (let second = first + 1; second < servers.length; second++) {
      const source = (servers[first] as { id: string }).id;
      const target = (servers[second] as { id: string }).id;
      const directions = [`${source}→${target}`, `${target}→${source}`];
      const cutDirections = directions.filter((direction) => cut.has(direction));
      const isHeld = directions.some((direction) => held.has(direction));
      const condition: LinkCondition = cutDirections.length === 2 ? 'cut' : cutDirections.length === 1 ? 'cut-one-way' : isHeld ? 'held' : 'healthy';
      edges.push({
        id: `link:${source}:${target}`,
        source,
        target,
        type: 'straight',
        className: `link link--${condition}`,
        data: { condition, cutDirections },
        ariaLabel: `link ${source}–${target}: ${condition.replace(/-/g, ' ')}`,
      });
    }
  }
  return edges;
}

/** A string that changes exactly when snapshotToFlow's output would. */
export function flowStructureKey(input: FlowTopologyInput | null): string {
  if (input === null) return '';
  const nodes = input.nodes.map((node) => `${node.id}:${node.kind}`).join(',');
  const links = (list: ReadonlyArray<{ from: string; to: string }>): string => list.map((link) => `${link.from}>${link.to}`).join(',');
  return `${nodes}|cut:${links(input.network.cut)}|held:${links(input.network.held)}`;
}
