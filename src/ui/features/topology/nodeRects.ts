/**
 * Where React Flow has put and measured each node, in flow coordinates: what the links and
 * the messages riding on them are drawn from. Read from React Flow's store as one string
 * (a primitive, so a selector re-renders only when a node moves or resizes) and parsed once
 * per change.
 */
import type { InternalNode, ReactFlowState } from '@xyflow/react';
import type { NodeRect } from './laneGeometry';
import { NODE_HEIGHT, NODE_WIDTH } from './snapshotToFlow';

export function internalNodeRect(node: InternalNode | undefined): NodeRect | null {
  if (node === undefined) return null;
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? NODE_WIDTH, height: node.measured.height ?? NODE_HEIGHT };
}

/** "id:x,y,w,h;…" for every node React Flow knows. */
export function rectsKey(state: ReactFlowState): string {
  const parts: string[] = [];
  for (const node of state.nodeLookup.values()) {
    const rect = internalNodeRect(node);
    if (rect !== null) parts.push(`${node.id}:${rect.x},${rect.y},${rect.width},${rect.height}`);
  }
  return parts.join(';');
}

export function parseRects(key: string): Map<string, NodeRect> {
  const rects = new Map<string, NodeRect>();
  for (const part of key.split(';')) {
    if (part === '') continue;
    const [id, numbers] = part.split(':');
    const [x, y, width, height] = (numbers ?? '').split(',').map(Number);
    rects.set(id as string, { x: x ?? 0, y: y ?? 0, width: width ?? 0, height: height ?? 0 });
  }
  return rects;
}
