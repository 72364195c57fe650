/**
 * One simulation node on the canvas. React Flow passes only the id and kind; the node's
 * live snapshot comes from the store through a selector, and the module's NodeCard draws
 * it. Handles are centred and invisible: links are drawn centre to centre.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { moduleView } from '../../modules/index';
import { useLab } from '../../store/LabContext';
import { selectModuleName, selectNode } from '../../store/selectors';
import type { FlowNodeData } from './snapshotToFlow';

export const SimulationFlowNode = memo(function SimulationFlowNode({ data, selected }: NodeProps<Node<FlowNodeData>>) {
  const node = useLab(selectNode(data.nodeId));
  const moduleName = useLab(selectModuleName);
  if (node === undefined) return null;
  const { NodeCard } = moduleView(moduleName);
  return (
    <div
      className={`node-card node-card--${node.kind} node-card--${node.status}`}
      data-testid={`node-${node.id}`}
      aria-label={`${node.kind} ${node.id}, ${node.status}`}
    >
      <Handle type="target" position={Position.Top} className="node-card__handle" isConnectable={false} />
      <NodeCard node={node} selected={selected} />
      <Handle type="source" position={Position.Top} className="node-card__handle" isConnectable={false} />
    </div>
  );
});
