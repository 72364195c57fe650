/**
 * The replica card on the topology canvas (design.md §6: "CRDT: value and internal-state
 * toggle"). It shows the replica's value drawn for its type, with syncMode 'all' a compact
 * row comparing the three sync modes' copies, the naive LWW store's value when it runs, the
 * operation controls, and a toggle to the internal state: version vector, causal stability
 * frontier, tags, tombstones, per-replica counts. Compact enough for 5–9 replicas; the
 * inspector has everything in full.
 */
import { useId, useState, type ReactNode } from 'react';
import type { NodeCardProps } from '../registry';
import { useLab } from '../../store/LabContext';
import { internalSections, tombstonesOf } from './internalState';
import { InternalSections } from './InternalSections';
import { OperationControls } from './OperationControls';
import { formatVector, modeAgreement, naiveText, replicaOf, shortValue, type CrdtReplicaState, type ReplicaCopy } from './replicaModel';
import { ReplicaValue } from './ReplicaValue';
import { canvasIsolation } from './canvasIsolation';
import { useIssueOperation } from './useIssueOperation';
import './crdt.css';

const CARD_ITEM_LIMIT = 6;
const TYPES_WITH_TOMBSTONES = new Set(['or-set', 'or-map', 'rga']);

/** Every server id in the run, joined (a primitive, so the selector is stable between frames). */
const selectServerIds = (state: { frame: { nodes: Array<{ id: string; kind: string }> } | null }): string =>
  (state.frame?.nodes ?? [])
    .filter((node) => node.kind === 'server')
    .map((node) => node.id)
    .join(' ');

export function ReplicaCard({ node }: NodeCardProps) {
  const replica = replicaOf(node);
  const issue = useIssueOperation(node.id);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (replica === null) return <CardHeader id={node.id} status={node.status} />;
  const first = replica.copies[0] as ReplicaCopy;
  const live = node.status !== 'crashed';
  const toggle = (
    <InternalToggle nodeId={node.id} replica={replica} open={open} panelId={panelId} onToggle={() => setOpen((was) => !was)} />
  );
  return (
    <div className="node-card__body crdt-card" data-testid={`crdt-card-${node.id}`} data-type={replica.type}>
      <CardHeader id={node.id} status={node.status} extra={toggle} />
      {!live && <div className="node-card__caption">persistent state</div>}
      <ReplicaValue nodeId={node.id} type={replica.type} copy={first} issue={live ? issue : undefined} />
      {replica.copies.length > 1 && <ModeRow nodeId={node.id} replica={replica} />}
      {replica.naive !== null && (
        <div className="crdt-naive" data-testid={`crdt-naive-${node.id}`} title="The naive last-writer-wins store on this replica, fed the same operations">
          <span className="crdt-naive__label">naive LWW</span> {naiveText(replica.naive)}
        </div>
      )}
      {live && <OperationControls nodeId={node.id} type={replica.type} textLength={typeof first.value === 'string' ? first.value.length : 0} issue={issue} />}
      {open && <InternalState id={panelId} nodeId={node.id} replica={replica} />}
    </div>
  );
}

function CardHeader({ id, status, extra }: { id: string; status: string; extra?: ReactNode }) {
  return (
    <div className="node-card__header crdt-card__header">
      <span className="node-card__id">{id}</span>
      {extra}
      <span className={`status-badge status-badge--${status}`} data-testid={`node-status-${id}`}>
        {status}
      </span>
    </div>
  );
}

/**
 * state / delta / op: ✓ where a copy equals the one drawn above, ≠ where it does not; each
 * differing copy then gets a line with its own value, so a divergence between the modes reads
 * at a glance and costs height only while it lasts.
 */
function ModeRow({ nodeId, replica }: { nodeId: string; replica: CrdtReplicaState }) {
  const agreement = modeAgreement(replica);
  const differing = agreement.filter((entry) => !entry.agrees);
  return (
    <div className="crdt-modes-block">
      <ul className="crdt-modes" aria-label={`sync modes at ${nodeId}`}>
        {agreement.map((entry, index) => (
          <li
            key={entry.mode}
            className={`crdt-modes__mode crdt-modes__mode--${entry.agrees ? 'agrees' : 'differs'}`}
            data-testid={`crdt-mode-${nodeId}-${entry.mode}`}
            data-agrees={entry.agrees}
            title={`${entry.mode} sync: ${shortValue(entry.value)}${index === 0 ? ' (drawn above)' : ''}`}
          >
            <span className="crdt-modes__name">{entry.mode}</span>
            <span className="crdt-modes__value">{entry.agrees ? '✓' : '≠'}</span>
          </li>
        ))}
      </ul>
      {differing.map((entry) => (
        <div key={entry.mode} className="crdt-modes__difference" data-testid={`crdt-mode-value-${nodeId}-${entry.mode}`}>
          <span className="crdt-modes__name">{entry.mode}</span> {shortValue(entry.value)}
        </div>
      ))}
    </div>
  );
}

/** The internal-state toggle and, for types with removal, the tombstone count (which drops when they are collected). */
function InternalToggle({ nodeId, replica, open, panelId, onToggle }: { nodeId: string; replica: CrdtReplicaState; open: boolean; panelId: string; onToggle: () => void }) {
  const first = replica.copies[0] as ReplicaCopy;
  const tombstones = tombstonesOf(replica.type, first.payload).length;
  return (
    <span className="crdt-card__tools">
      <button
        type="button"
        className="crdt-toggle nodrag"
        data-testid={`crdt-internal-toggle-${nodeId}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Internal state of ${nodeId}`}
        {...canvasIsolation}
        onClick={(event) => {
          event.stopPropagation();
          onToggle();
        }}
      >
        {open ? '▾' : '▸'} internal
      </button>
      {TYPES_WITH_TOMBSTONES.has(replica.type) && (
        <span className="crdt-card__tombstones" data-testid={`crdt-tombstones-${nodeId}`} data-count={tombstones} title={`${tombstones} tombstones kept until their removal is causally stable`}>
          ✝{tombstones}
        </span>
      )}
    </span>
  );
}

function InternalState({ id, nodeId, replica }: { id: string; nodeId: string; replica: CrdtReplicaState }) {
  const serverIds = useLab(selectServerIds);
  const replicas = serverIds === '' ? undefined : serverIds.split(' ');
  const [first, ...others] = replica.copies as [ReplicaCopy, ...ReplicaCopy[]];
  return (
    <div id={id} className="crdt-internal nowheel nodrag" data-testid={`crdt-internal-${nodeId}`} tabIndex={0} aria-label={`internal state at ${nodeId}`} {...canvasIsolation}>
      {replica.copies.length > 1 && <div className="crdt-internal__mode">{first.mode} copy</div>}
      <dl className="crdt-internal__vectors">
        <div className="crdt-internal__item" data-testid={`crdt-vector-${nodeId}`}>
          <dt title="Version vector: per origin, how many of its updates were delivered here">vv</dt>
          <dd>{formatVector(first.versionVector, replicas)}</dd>
        </div>
        <div className="crdt-internal__item">
          <dt title="Causal stability frontier: updates delivered at every replica">stable</dt>
          <dd>{formatVector(first.stable, replicas)}</dd>
        </div>
      </dl>
      <InternalSections sections={internalSections(replica.type, first.payload)} limit={CARD_ITEM_LIMIT} testIdPrefix={`crdt-internal-${nodeId}`} />
      {first.tombstonesCollected > 0 && <div className="crdt-internal__empty">{first.tombstonesCollected} tombstones collected so far</div>}
      {others.length > 0 && (
        <dl className="crdt-internal__vectors">
          {others.map((copy) => (
            <div key={copy.mode} className="crdt-internal__item">
              <dt>{copy.mode}</dt>
              <dd>
                vv {formatVector(copy.versionVector, replicas)}; ✝ {copy.tombstones}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
