/**
 * The links on the canvas, all in one SVG beneath the cards: a group per pair of nodes with a
 * lane per direction (see laneGeometry), each styled by its own state. Healthy lanes are thin
 * grey lines; a cut lane is red and dashed with a × at its middle and an arrowhead saying
 * which way is cut; a held lane is blue and dotted with a badge counting the messages waiting
 * on it.
 *
 * Why not React Flow edges: React Flow wraps every edge in an SVG element of its own, and the
 * 9-node cluster with its clients has 252 links, each edge with two store selectors run on
 * every frame. On the playing benchmark the edges cost about a millisecond per frame
 * (measured with them hidden), although no link had changed: part of it the 252 SVG roots and
 * 504 selectors, part the per-lane opacity (see topology.css). Here the links are one SVG, put
 * into React Flow's viewport beneath the nodes (its edge-label layer), so it pans and zooms
 * with the flow.
 *
 * One store selector for all links returns a string naming the directions that are not plainly
 * healthy (linkStatesKey), so an ordinary frame re-renders nothing here. A link takes focus
 * (Tab) and says its condition to screen readers; a click, a right-click, Enter or the
 * context-menu key opens its menu (through `onOpen`, the canvas's keyboard handler for keys).
 */
import { memo, useMemo, type MouseEvent } from 'react';
import { EdgeLabelRenderer, useStore as useFlowStore } from '@xyflow/react';
import { useLab } from '../../store/LabContext';
import { HEALTHY_DIRECTION, linkStatesKey, parseLinkStates, type DirectionShown } from './frameIndex';
import { laneBetween, lanePath, pointAlong, type Lane, type NodeRect } from './laneGeometry';
import type { DirectionState } from './linkState';
import { parseRects, rectsKey } from './nodeRects';
import type { FlowLink } from './snapshotToFlow';

/** A link's menu opens where the pointer (or the focused link) is, in client coordinates. */
export type OpenLink = (link: FlowLink, clientX: number, clientY: number) => void;

export function LinkLayer({ links, onOpen }: { links: readonly FlowLink[]; onOpen: OpenLink }) {
  const rectsAsKey = useFlowStore(rectsKey);
  const rects = useMemo(() => parseRects(rectsAsKey), [rectsAsKey]);
  const statesKey = useLab((state) => linkStatesKey(state.frame));
  const states = useMemo(() => parseLinkStates(statesKey), [statesKey]);
  return (
    <EdgeLabelRenderer>
      <svg className="link-layer" width={1} height={1}>
        {links.map((link) => (
          <LinkView
            key={link.id}
            link={link}
            sourceRect={rects.get(link.source)}
            targetRect={rects.get(link.target)}
            forward={states.get(`${link.source}>${link.target}`) ?? HEALTHY_DIRECTION}
            backward={states.get(`${link.target}>${link.source}`) ?? HEALTHY_DIRECTION}
            onOpen={onOpen}
          />
        ))}
      </svg>
    </EdgeLabelRenderer>
  );
}

interface LinkViewProps {
  link: FlowLink;
  sourceRect: NodeRect | undefined;
  targetRect: NodeRect | undefined;
  forward: DirectionShown;
  backward: DirectionShown;
  onOpen: OpenLink;
}

const LinkView = memo(
  function LinkView({ link, sourceRect, targetRect, forward, backward, onOpen }: LinkViewProps) {
    if (sourceRect === undefined || targetRect === undefined) return null;
    const forwardLane = laneBetween(sourceRect, targetRect);
    const backwardLane = laneBetween(targetRect, sourceRect);
    if (forwardLane === null || backwardLane === null) return null;
    const centreLine = `M ${(forwardLane.start.x + backwardLane.end.x) / 2} ${(forwardLane.start.y + backwardLane.end.y) / 2} L ${(forwardLane.end.x + backwardLane.start.x) / 2} ${(forwardLane.end.y + backwardLane.start.y) / 2}`;
    const open = (event: MouseEvent): void => {
      event.preventDefault();
      onOpen(link, event.clientX, event.clientY);
    };
    return (
      <g
        // nopan: pressing on a link does not start panning the flow (React Flow's convention).
        className={`link link--${link.condition}${link.toClient ? ' link--client' : ''} nopan`}
        tabIndex={0}
        role="group"
        aria-roledescription="link"
        aria-label={link.label}
        data-testid={`link-${link.source}-${link.target}`}
        data-link-id={link.id}
        data-forward={forward.state}
        data-backward={backward.state}
        data-forward-waiting={forward.waiting}
        data-backward-waiting={backward.waiting}
        onClick={open}
        onContextMenu={open}
      >
        <path d={centreLine} className="link-lanes__hit" />
        <DirectionLane lane={forwardLane} state={forward.state} waiting={forward.waiting} />
        <DirectionLane lane={backwardLane} state={backward.state} waiting={backward.waiting} />
      </g>
    );
  },
  // Rects and states are new objects when anything changed; compared by value, an ordinary change re-renders only the links it touched.
  (previous, next) =>
    previous.link === next.link &&
    previous.onOpen === next.onOpen &&
    sameRect(previous.sourceRect, next.sourceRect) &&
    sameRect(previous.targetRect, next.targetRect) &&
    sameDirection(previous.forward, next.forward) &&
    sameDirection(previous.backward, next.backward),
);

function sameRect(left: NodeRect | undefined, right: NodeRect | undefined): boolean {
  if (left === undefined || right === undefined) return left === right;
  return left.x === right.x && left.y === right.y && left.width === right.width && left.height === right.height;
}

function sameDirection(left: DirectionShown, right: DirectionShown): boolean {
  return left.state === right.state && left.waiting === right.waiting;
}

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
