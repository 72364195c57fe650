/**
 * The pure mapping from a simulation frame to React Flow's nodes and the canvas's links
 * (style.md §11). Servers sit on a circle, clients in a row beneath it; one link per pair of
 * servers and per client–server pair shows the state of both directions (clients talk only
 * to servers, so client–client pairs get no link). The links are drawn by the canvas's own
 * link layer (LinkLayer.tsx), not as React Flow edges. Node *contents* are not in here: each
 * card reads its own node from the store, so a frame re-renders cards, not the whole graph.
 * The result depends only on the topology (ids, kinds, cut and held links), which
 * `flowStructureKey` summarises so the canvas can skip remapping on ordinary frames.
 */
import type { Node } from '@xyflow/react';
import type { NetworkDescription, NodeSnapshotView } from '../../../worker/api';
import { directionState, linkCondition, type LinkCondition } from './linkState';

export type { LinkCondition };

export interface FlowNodeData extends Record<string, unknown> {
  nodeId: string;
  kind: NodeSnapshotView['kind'];
}

/** One link between two nodes: both directions of it. */
export interface FlowLink {
  /** "link:source:target" */
  id: string;
  source: string;
  target: string;
  condition: LinkCondition;
  /** The cut directions, "n1→n2", for the label and screen readers. */
  cutDirections: string[];
  /** A client's link to a server: drawn fainter while healthy. */
  toClient: boolean;
  /** What screen readers say for the link ("link n1–n2: cut one way (n1→n2)"). */
  label: string;
}

export type FlowTopologyInput = {
  nodes: ReadonlyArray<Pick<NodeSnapshotView, 'id' | 'kind'>>;
  network: Pick<NetworkDescription, 'cut' | 'held'>;
};

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 120;
const CLIENT_SPACING = 210;

export function snapshotToFlow(input: FlowTopologyInput): { nodes: Node<FlowNodeData>[]; links: FlowLink[] } {
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
  return { nodes, links: flowLinks(servers, clients, input.network) };
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

/** Every pair of servers, then every client with every server. */
function linkPairs(servers: readonly string[], clients: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  servers.forEach((source, first) => servers.slice(first + 1).forEach((target) => pairs.push([source, target])));
  for (const client of clients) for (const server of servers) pairs.push([client, server]);
  return pairs;
}

function flowLinks(
  servers: ReadonlyArray<Pick<NodeSnapshotView, 'id'>>,
  clients: ReadonlyArray<Pick<NodeSnapshotView, 'id'>>,
  network: FlowTopologyInput['network'],
): FlowLink[] {
  const clientIds = new Set(clients.map((node) => node.id));
  const pairs = linkPairs(
    servers.map((node) => node.id),
    clients.map((node) => node.id),
  );
  return pairs.map(([source, target]) => {
    const forward = directionState(network, source, target);
    const backward = directionState(network, target, source);
    const condition = linkCondition(forward, backward);
    const cutDirections = [
      ...(forward === 'cut' ? [`${source}→${target}`] : []),
      ...(backward === 'cut' ? [`${target}→${source}`] : []),
    ];
    return {
      id: `link:${source}:${target}`,
      source,
      target,
      condition,
      cutDirections,
      toClient: clientIds.has(source),
      label: `link ${source}–${target}: ${condition.replace(/-/g, ' ')}${cutDirections.length === 1 ? ` (${cutDirections[0]})` : ''}`,
    };
  });
}

/** A string that changes exactly when snapshotToFlow's output would. */
export function flowStructureKey(input: FlowTopologyInput | null): string {
  if (input === null) return '';
  const nodes = input.nodes.map((node) => `${node.id}:${node.kind}`).join(',');
  const links = (list: ReadonlyArray<{ from: string; to: string }>): string => list.map((link) => `${link.from}>${link.to}`).join(',');
  return `${nodes}|cut:${links(input.network.cut)}|held:${links(input.network.held)}`;
}
