/**
 * One node in full: status, clock (skew, drift, local time), timers with their due times,
 * the module's own inspector detail when it has one, and the whole state and persistent
 * state as trees of plain text.
 */
import { useEffect, useState } from 'react';
import { useLab, useLabController, useLabStore } from '../../store/LabContext';
import { selectNode } from '../../store/selectors';
import { moduleView } from '../../modules';
import { PlainTree } from './PlainTree';

export function NodeDetails({ nodeId }: { nodeId: string }) {
  const store = useLabStore();
  const node = useLab(selectNode(nodeId));
  const nowMs = useLab((state) => state.frame?.timeMs ?? 0);
  const eventIndex = useLab((state) => state.frame?.eventIndex ?? 0);
  const moduleName = useLab((state) => state.module?.name ?? null);
  const { NodeInspector } = moduleView(moduleName);
  if (node === undefined) return <p className="muted">Node {nodeId} is not in this run.</p>;
  return (
    <section className="inspector__section" aria-labelledby="inspector-node-title" data-testid="inspector-node">
      <header className="inspector__header">
        <h3 id="inspector-node-title">
          Node <span className="inspector__id">{node.id}</span>
        </h3>
        <span className={`status-badge status-badge--${node.status}`} data-testid="inspector-node-status">
          {node.status}
        </span>
        <button type="button" className="inspector__close" aria-label={`Stop inspecting node ${node.id}`} onClick={() => store.setState({ selectedNodeId: null })}>
          ×
        </button>
      </header>
      <dl className="inspector__facts">
        <Fact term="Kind" value={node.kind} />
        <Fact term="Clock skew" value={`${formatNumber(node.clock.skewMs)} ms`} />
        <Fact term="Clock drift" value={`${formatNumber(node.clock.driftPpm)} ppm`} />
        <Fact term="Local time" value={`${formatNumber(node.clock.localTimeMs)} ms`} testId="inspector-local-time" />
      </dl>
      <h4 className="inspector__subtitle">Timers</h4>
      {node.timers.length === 0 ? (
        <p className="muted inspector__empty">No timer armed.</p>
      ) : (
        <table className="inspector__timers" data-testid="inspector-timers">
          <thead>
            <tr>
              <th scope="col">Timer</th>
              <th scope="col">Due</th>
              <th scope="col">In</th>
            </tr>
          </thead>
          <tbody>
            {node.timers.map((timer) => (
              <tr key={timer.key}>
                <td>{timer.key}</td>
                <td>{formatNumber(timer.dueAtMs)} ms</td>
                <td>{formatNumber(timer.dueAtMs - nowMs)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {NodeInspector !== undefined && (
        <div className="inspector__module" data-testid="inspector-module-detail">
          <NodeInspector node={node} />
        </div>
      )}
      <PlainTree label="state" value={node.state} testId="inspector-state" />
      {node.persistent !== null && <PlainTree label="persistent" value={node.persistent} openLevels={0} />}
      {node.compacted === true && <WholeState nodeId={node.id} eventIndex={eventIndex} />}
    </section>
  );
}

/**
 * Frames carry a bounded view of big states (Raft's log tail); the whole state is fetched
 * from the worker on request, for the position being viewed.
 */
function WholeState({ nodeId, eventIndex }: { nodeId: string; eventIndex: number }) {
  const controller = useLabController();
  const [whole, setWhole] = useState<{ at: number; value: { state: unknown; persistent: unknown } | null } | null>(null);
  useEffect(() => setWhole(null), [nodeId]);
  const load = () => void controller.nodeInFull(nodeId).then((value) => setWhole({ at: eventIndex, value }));
  if (whole === null || whole.at !== eventIndex) {
    return (
      <p className="inspector__whole">
        <span className="muted">Large collections are cut to their latest items above. </span>
        <button type="button" className="button" onClick={load} data-testid="inspector-load-whole">
          Show the whole state
        </button>
      </p>
    );
  }
  return (
    <div data-testid="inspector-whole">
      <PlainTree label="whole state" value={whole.value?.state ?? null} openLevels={0} />
      {whole.value?.persistent != null && <PlainTree label="whole persistent" value={whole.value.persistent} openLevels={0} />}
    </div>
  );
}

export function Fact({ term, value, testId }: { term: string; value: string; testId?: string }) {
  return (
    <div className="inspector__fact">
      <dt>{term}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

export function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
