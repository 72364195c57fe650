/**
 * The inspector: everything about the selected message and the selected node. A node is
 * chosen on the canvas or with the picker here (for keyboard users); a message by clicking
 * its arrow in the space-time diagram or its dot on the canvas.
 */
import { useLab, useLabStore } from '../../store/LabContext';
import { MessageDetails } from './MessageDetails';
import { NodeDetails } from './NodeDetails';
import './inspector.css';

export function InspectorPanel() {
  const selectedNodeId = useLab((state) => state.selectedNodeId);
  const selectedMessageId = useLab((state) => state.selectedMessageId);
  const hasFrame = useLab((state) => state.frame !== null);
  if (!hasFrame) return <p className="muted">No run is open.</p>;
  return (
    <div className="inspector" data-testid="inspector">
      <NodePicker selectedNodeId={selectedNodeId} />
      {selectedMessageId !== null && <MessageDetails messageId={selectedMessageId} />}
      {selectedNodeId !== null && <NodeDetails nodeId={selectedNodeId} />}
      {selectedNodeId === null && selectedMessageId === null && (
        <p className="muted inspector__hint">Choose a node above or on the canvas, or click a message arrow in the space-time diagram.</p>
      )}
    </div>
  );
}

function NodePicker({ selectedNodeId }: { selectedNodeId: string | null }) {
  const store = useLabStore();
  const nodeIdsKey = useLab((state) => state.frame?.nodes.map((node) => node.id).join(' ') ?? '');
  const nodeIds = nodeIdsKey === '' ? [] : nodeIdsKey.split(' ');
  return (
    <label className="inspector__picker">
      <span>Node</span>
      <select
        data-testid="inspector-node-picker"
        value={selectedNodeId ?? ''}
        // Selection is UI state: it lives in the store, the simulation never sees it.
        onChange={(event) => store.setState({ selectedNodeId: event.target.value === '' ? null : event.target.value })}
      >
        <option value="">— none —</option>
        {nodeIds.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </label>
  );
}
