/**
 * The CRDT module's views (issue 5, design.md §3.3 and §6): replica cards on the canvas,
 * the replica inspector, the convergence panel, the sync-mode charts, the figures for the
 * shared charts panel, and +/− shortcuts for counters at the selected replica.
 */
import type { ModuleShortcut, ModuleView } from '../registry';
import { ConvergencePanel } from './ConvergencePanel';
import { ReplicaCard } from './ReplicaCard';
import { ReplicaInspector } from './ReplicaInspector';
import { replicaOf } from './replicaModel';
import { crdtChartSeries } from './summaryModel';
import { SyncChartsPanel } from './SyncChartsPanel';
import { clientAction } from './useIssueOperation';

function counterShortcut(key: string, op: 'increment' | 'decrement', description: string): ModuleShortcut {
  return {
    key,
    description,
    run({ frame, selectedNodeId, apply }) {
      const node = frame.nodes.find((candidate) => candidate.id === selectedNodeId);
      const type = node === undefined ? null : replicaOf(node)?.type;
      if (node === undefined || node.status === 'crashed') return;
      if (type === 'pn-counter' || (type === 'g-counter' && op === 'increment')) apply(clientAction(node.id, { op, amount: 1 }));
    },
  };
}

export const crdtView: Partial<ModuleView> = {
  NodeCard: ReplicaCard,
  NodeInspector: ReplicaInspector,
  panels: [
    { id: 'crdt-convergence', title: 'Convergence', slot: 'side', Component: ConvergencePanel },
    { id: 'crdt-sync-charts', title: 'States and bytes per sync mode', slot: 'bottom', Component: SyncChartsPanel },
  ],
  chartSeries: crdtChartSeries,
  shortcuts: [counterShortcut('+', 'increment', 'Increment the counter at the selected replica'), counterShortcut('-', 'decrement', 'Decrement the counter at the selected replica')],
};
