/**
 * The canvas's fault toolbar: draw a partition (click nodes to put them in group A, B or
 * C, then Apply) and heal everything. While drawing, a node click assigns a group instead
 * of opening the node's menu (the canvas asks `drawing`).
 */
import { useLab, useLabController } from '../../store/LabContext';
import { healAction, partitionAction, PARTITION_GROUPS } from './faultActions';
import { partitionDraftUpdates, usePartitionDraft, usePartitionDraftStore } from './partitionDraft';

export function PartitionToolbar() {
  const controller = useLabController();
  const draft = usePartitionDraftStore();
  const drawing = usePartitionDraft((state) => state.drawing);
  const assignment = usePartitionDraft((state) => state.assignment);
  const nodeOrder = useLab((state) => state.frame?.nodes.map((node) => node.id).join(',') ?? '');
  const ready = useLab((state) => state.frame !== null);
  const action = partitionAction(assignment, nodeOrder === '' ? [] : nodeOrder.split(','));
  return (
    <div className="fault-toolbar nopan" role="toolbar" aria-label="Partition and heal">
      {drawing ? (
        <>
          <span className="fault-toolbar__hint" data-testid="partition-hint">
            Click nodes: none → {PARTITION_GROUPS.join(' → ')} → none. Unassigned nodes form a group of their own.
          </span>
          <button
            type="button"
            className="button button--primary"
            data-testid="partition-apply"
            disabled={action === null}
            onClick={() => {
              if (action !== null) void controller.apply(action);
              draft.setState(partitionDraftUpdates.stop());
            }}
          >
            Apply partition
          </button>
          <button type="button" className="button" data-testid="partition-cancel" onClick={() => draft.setState(partitionDraftUpdates.stop())}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="button" data-testid="partition-start" disabled={!ready} onClick={() => draft.setState(partitionDraftUpdates.start())}>
          Draw partition
        </button>
      )}
      <button type="button" className="button" data-testid="heal-all" disabled={!ready} onClick={() => void controller.apply(healAction())}>
        Heal all
      </button>
    </div>
  );
}
