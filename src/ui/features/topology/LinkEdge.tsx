/**
 * One link on the canvas: a lane per direction (see laneGeometry), each styled by its own
 * state. Healthy lanes are thin grey lines; a cut lane is red and dashed with a × at its
 * middle and an arrowhead saying which way is cut; a held lane is blue and dotted with a
 * badge counting the messages waiting on it. The state comes from the store through one
 * primitive selector per direction, so a frame re-renders only the links that changed.
 */
import { memo } from 'react';
import { useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import { useLab } from '../../store/LabContext';
import { directionKey, parseDirectionKey } from './frameIndex';
import { laneBetween, lanePath, pointAlong, type Lane, type NodeRect } from './laneGeometry';
import type { DirectionState } from './linkState';
import type { FlowEdgeData } from './snapshotToFlow';
import { NODE_HEIGHT, NODE_WIDTH } from './snapshotToFlow';

export function internalNodeRect(node: InternalNode | undefined): NodeRect | null {
  if (node === undefined) return null;
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? NODE_WIDTH, height: node.measured.height ?? NODE_HEIGHT };
}

export const LinkEdge = memo(function LinkEdge({ source, target }: EdgeProps<Edge<FlowEdgeData>>) {
  const sourceRect = internalNodeRect(useInternalNode(source));
  const targetRect = internalNodeRect(useInternalNode(target));
  const forward = parseDirectionKey(useLab((state) => directionKey(state.frame, source, target)));
  const backward = parseDirectionKey(useLab((state) => directionKey(state.frame, target, source)));
  if (sourceRect === null || targetRect === null) return null;
  const forwardLane = laneBetween(sourceRect, targetRect);
  const backwardLane = laneBetween(targetRect, sourceRect);
  if (forwardLane === null || backwardLane === null) return null;
  const centreLine = `M ${(forwardLane.start.x + backwardLane.end.x) / 2} ${(forwardLane.start.y + backwardLane.end.y) / 2} L ${(forwardLane.end.x + backwardLane.start.x) / 2} ${(forwardLane.end.y + backwardLane.start.y) / 2}`;
  return (
    <g
      className="link-lanes"
      data-testid={`link-${source}-${target}`}
      data-forward={forward.state}
      data-backward={backward.state}
      data-forward-waiting={forward.waiting}
      data-backward-waiting={backward.waiting}
    >
      <path d={centreLine} className="link-lanes__hit" />
      <DirectionLane lane={forwardLane} state={forward.state} waiting={forward.waiting} />
      <DirectionLane lane={backwardLane} state={backward.state} waiting={backward.waiting} />
    </g>
  );
});

function DirectionLane({ lane, state, waiting }: { lane: Lane; state: DirectionState; waiting: number }) {
  const middle = pointAlong(lane, 0.5);
  const angle = (Math.atan2(lane.direction.y, lane.direction.x) * 180) / Math.PI;
  return (
    <g className={`link-lane link-lane--${state}`}>
      <path d={lanePath(lane)} className="link-lane__line" />
      {state !== 'healthy' && (
        // An arrowhead past the middle says which direction this lane is.
        <path
          className="link-lane__arrow"
          d="M -5 -4 L 3 0 L -5 4"
          transform={`translate(${pointAlong(lane, 0.68).x} ${pointAlong(lane, 0.68).y}) rotate(${angle})`}
        />
      )}
      {state === 'cut' && <path className="link-lane__cross" d="M -5 -5 L 5 5 M -5 5 L 5 -5" transform={`translate(${middle.x} ${middle.y})`} />}
      {state === 'held' && <HeldBadge lane={lane} waiting={waiting} />}
    </g>
  );
}

function HeldBadge({ lane, waiting }: { lane: Lane; waiting: number }) {
  // Beside the queue of parked messages, on the lane's outer side.
  const at = pointAlong(lane, Math.min(0.5, 40 / Math.max(lane.length, 1)));
  const normal = { x: -lane.direction.y, y: lane.direction.x };
  const x = at.x + normal.x * 30;
  const y = at.y + normal.y * 30;
  return (
    <g className="link-lane__badge" transform={`translate(${x} ${y})`}>
      <rect x={-24} y={-8} width={48} height={16} rx={8} />
      <text textAnchor="middle" dominantBaseline="central">
        {waiting} held
      </text>
    </g>
  );
}
