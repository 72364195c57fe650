/**
 * One simulation node on the canvas. React Flow passes only the id and kind; the node's
 * live snapshot comes from the store through a selector, and the module's NodeCard draws
 * it. A frame re-renders the card only when the module says it would draw something else
 * (ModuleView.sameCard), and while playing at most every so often (cardSnapshot.ts). Handles are centred and invisible: links are drawn centre to
 * centre.
 *
 * Around the card: a halo in its partition group's colour when the cut links split the
 * cluster, and, while a partition is being drawn, the group (A, B, C) it has been put in.
 * Crashed and paused nodes get their own card styles (see topology.css).
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { moduleView } from '../../modules/index';
import { useLab } from '../../store/LabContext';
import { selectModuleName } from '../../store/selectors';
import { usePartitionDraft } from '../faults/partitionDraft';
import { useCardSnapshot } from './cardSnapshot';
import { partitionGroupOf } from './frameIndex';
import type { FlowNodeData } from './snapshotToFlow';

export const SimulationFlowNode = memo(function SimulationFlowNode({ data, selected }: NodeProps<Node<FlowNodeData>>) {
  const moduleName = useLab(selectModuleName);
  const { NodeCard, sameCard } = moduleView(moduleName);
  const node = useCardSnapshot(data.nodeId, sameCard);
  const liveGroup = useLab((state) => partitionGroupOf(state.frame, data.nodeId));
  const draftGroup = usePartitionDraft((state) => (state.drawing ? (state.assignment[data.nodeId] ?? 'none') : null));
  if (node === undefined) return null;
  const classes = [
    'node-card',
    `node-card--${node.kind}`,
    `node-card--${node.status}`,
    liveGroup === null ? '' : `node-card--partition node-card--partition-${liveGroup % 4}`,
    draftGroup === null ? '' : `node-card--draft node-card--draft-${draftGroup}`,
  ].filter((name) => name !== '');
  const partitionText = liveGroup === null ? '' : `, partition group ${liveGroup + 1}`;
  const label = `${node.kind} ${node.id}, ${node.status}${partitionText}`;
  return (
    <div
      ref={(element) => nameFocusableWrapper(element, label)}
      className={classes.join(' ')}
      data-testid={`node-${node.id}`}
      data-status={node.status}
      data-partition-group={liveGroup ?? undefined}
      data-draft-group={draftGroup ?? undefined}
      data-label={label}
    >
      <Handle type="target" position={Position.Top} className="node-card__handle" isConnectable={false} />
      {node.status === 'paused' && (
        <span className="node-card__paused-mark" aria-hidden="true">
          ❚❚
        </span>
      )}
      {draftGroup !== null && draftGroup !== 'none' && (
        <span className="node-card__draft-label" data-testid={`draft-group-${node.id}`}>
          {draftGroup}
        </span>
      )}
      <NodeCard node={node} selected={selected} />
      <Handle type="source" position={Position.Top} className="node-card__handle" isConnectable={false} />
    </div>
  );
});

/**
 * The accessible name belongs on React Flow's wrapper: that is the element Tab focuses (role
 * "group"), and a name on the inner div (which has no role) would not be read. React Flow
 * takes a name only through the node objects, which the canvas rebuilds on topology changes
 * alone; setting it here keeps it current as the status changes, frame by frame.
 */
function nameFocusableWrapper(element: HTMLElement | null, label: string): void {
  const wrapper = element?.closest('.react-flow__node');
  if (wrapper !== null && wrapper !== undefined && wrapper.getAttribute('aria-label') !== label) wrapper.setAttribute('aria-label', label);
}
