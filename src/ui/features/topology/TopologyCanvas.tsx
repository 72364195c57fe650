/**
 * The topology canvas: React Flow drawing the cluster. The flow graph is remapped only when
 * the topology changes (flowStructureKey); per-frame changes reach the node cards through
 * their own store selectors, so an ordinary frame does not rebuild the graph.
 */
import { useMemo } from 'react';
import { Background, Controls, ReactFlow, type NodeTypes } from '@xyflow/react';
import { useLab, useLabStore } from '../../store/LabContext';
import { SimulationFlowNode } from './SimulationFlowNode';
import { flowStructureKey, snapshotToFlow } from './snapshotToFlow';

const nodeTypes: NodeTypes = { simulationNode: SimulationFlowNode };

export function TopologyCanvas() {
  const store = useLabStore();
  const structure = useLab((state) => flowStructureKey(state.frame));
  const flow = useMemo(() => {
    const frame = store.getState().frame;
    return frame === null || structure === '' ? { nodes: [], edges: [] } : snapshotToFlow(frame);
    // The structure key stands for everything snapshotToFlow reads from the frame.
  }, [store, structure]);
  return (
    <div className="topology" data-testid="topology-canvas">
      <ReactFlow
        key={structure.split('|')[0]}
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        colorMode="system"
        fitView
        fitViewOptions={{ padding: 0.2 }}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        minZoom={0.2}
        maxZoom={2.5}
        aria-label="Cluster topology"
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-right" />
      </ReactFlow>
    </div>
  );
}
