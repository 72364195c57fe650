/**
 * Raft's views in the lab: the node card, the inspector detail, the log matrix, key-value
 * and client panels, chart series and keyboard shortcuts. Registered in modules/index.ts.
 */
import type { ModuleView } from '../registry';
import { raftChartSeries } from './chartSeries';
import { ClientPanel } from './ClientPanel';
import { KeyValuePanel } from './KeyValuePanel';
import { LogMatrixPanel } from './LogMatrixPanel';
import { RaftInspector } from './RaftInspector';
import { RaftNodeCard, sameRaftCard } from './RaftNodeCard';
import { RAFT_SHORTCUTS } from './shortcuts';
import './raft.css';

export const raftView: ModuleView = {
  NodeCard: RaftNodeCard,
  sameCard: sameRaftCard,
  NodeInspector: RaftInspector,
  panels: [
    { id: 'raft-log-matrix', title: 'Log matrix', slot: 'bottom', Component: LogMatrixPanel },
    { id: 'raft-kv', title: 'Key-value store per server', slot: 'bottom', Component: KeyValuePanel },
    { id: 'raft-client', title: 'Client operations', slot: 'side', Component: ClientPanel },
  ],
  chartSeries: raftChartSeries,
  shortcuts: RAFT_SHORTCUTS,
};
