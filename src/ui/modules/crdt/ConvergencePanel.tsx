/**
 * The "diverged / converged" indicator: the engine summary's verdict with its reason, per
 * sync mode how many distinct states the replicas hold, bytes sent and tombstones, and, when
 * the naive last-writer-wins store runs alongside, its value at each replica and how many
 * acknowledged writes it lost (the "No lost updates (naive store)" checker's count).
 */
import { useLab } from '../../store/LabContext';
import type { NodeSnapshotView } from '../../../worker/api';
import { modeAgreement, naiveText, replicaOf } from './replicaModel';
import { formatBytes, lostUpdateCount, readConvergence, type ConvergenceView, type NaiveFigures } from './summaryModel';
import './crdt.css';

export function ConvergencePanel() {
  const summary = useLab((state) => state.frame?.summary);
  const view = readConvergence(summary);
  if (view === null) return <p className="muted">No CRDT run is open.</p>;
  return (
    <div className="crdt-convergence">
      <Verdict view={view} />
      <ModeTable view={view} />
      {view.modes.length > 1 && <ModesAgreement />}
      {view.naive !== null && <NaiveStore figures={view.naive} />}
    </div>
  );
}

function Verdict({ view }: { view: ConvergenceView }) {
  const word = view.converged ? 'converged' : 'diverged';
  return (
    <div className="crdt-verdict" role="status" aria-live="polite">
      <span className={`crdt-badge crdt-badge--${word}`} data-testid="crdt-convergence" data-converged={view.converged}>
        {word}
      </span>
      {view.divergence !== null && (
        <span className="crdt-verdict__reason" data-testid="crdt-divergence">
          {view.divergence}
        </span>
      )}
    </div>
  );
}

function ModeTable({ view }: { view: ConvergenceView }) {
  return (
    <table className="crdt-mode-table">
      <thead>
        <tr>
          <th scope="col">sync</th>
          <th scope="col" title="Distinct values across the replicas">states</th>
          <th scope="col">bytes</th>
          <th scope="col" title="Tombstones held (and collected)">✝</th>
        </tr>
      </thead>
      <tbody>
        {view.modes.map((mode) => (
          <tr key={mode.mode} data-testid={`crdt-mode-summary-${mode.mode}`} data-converged={mode.converged} data-distinct={mode.distinctValues}>
            <th scope="row">
              <span className={`crdt-dot crdt-dot--${mode.converged ? 'converged' : 'diverged'}`} aria-label={mode.converged ? 'converged' : 'diverged'} /> {mode.mode}
            </th>
            <td>{mode.distinctValues}</td>
            <td title={`${mode.messagesSent} messages, ${mode.bytesPerUpdate} B per update${mode.fullStatesSent !== null ? `, ${mode.fullStatesSent} full states` : ''}`}>{formatBytes(mode.bytesSent)}</td>
            <td>
              {mode.tombstones}
              <span className="muted"> ({mode.tombstonesCollected})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** True when some replica's sync-mode copies hold different values (read from the first live replica). */
const selectModesDiffer = (state: { frame: { nodes: NodeSnapshotView[] } | null }): boolean => {
  const replica = (state.frame?.nodes ?? []).map((node) => (node.status === 'up' ? replicaOf(node) : null)).find((candidate) => candidate !== null);
  return replica !== undefined && replica !== null && modeAgreement(replica).some((entry) => !entry.agrees);
};

/**
 * With syncMode 'all' each mode can converge to a different value: an operation is prepared
 * against what that mode's copy has received (a remove observes only the tags it has seen),
 * so the same user action can have different effects per mode. Said here, so "converged"
 * next to cards showing ≠ is not read as a contradiction.
 */
function ModesAgreement() {
  const differ = useLab(selectModesDiffer);
  if (!differ) return null;
  return (
    <p className="crdt-convergence__note" data-testid="crdt-modes-differ">
      The sync modes hold different values here: each mode prepares an operation against what its own copy has received, so a remove can observe different tags per mode.
    </p>
  );
}

/** Each replica's naive-store value, read from the replica snapshots, with the lost-update count. */
function NaiveStore({ figures }: { figures: NaiveFigures }) {
  const nodes = useLab((state) => state.frame?.nodes);
  const lost = useLab((state) => lostUpdateCount(state.frame?.invariants));
  return (
    <section className="crdt-naive-panel" aria-label="naive last-writer-wins store">
      <h3 className="crdt-naive-panel__title">
        Naive LWW store{' '}
        <span className={`crdt-badge crdt-badge--${figures.converged ? 'converged' : 'diverged'} crdt-badge--small`}>{figures.converged ? 'converged' : 'diverged'}</span>
      </h3>
      <p className="crdt-naive-panel__lost" data-testid="crdt-lost-updates" data-count={lost ?? 0}>
        <strong>{lost ?? 0}</strong> lost update{lost === 1 ? '' : 's'}
        <span className="muted"> — acknowledged writes discarded because an earlier write carried a later clock</span>
      </p>
      <dl className="crdt-internal__list">
        {(nodes ?? []).map((node) => {
          const store = replicaOf(node)?.naive;
          if (store === null || store === undefined) return null;
          return (
            <div key={node.id} className="crdt-internal__item" data-testid={`crdt-naive-value-${node.id}`}>
              <dt>{node.id}</dt>
              <dd>{naiveText(store)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
