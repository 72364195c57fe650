/**
 * The inspector's detail for a CRDT replica: per sync mode, the value, the version vector
 * table (this replica, the causal stability frontier, and what each peer last reported), the
 * full internal state (tags, tombstones, per-replica counts, characters), the delta-state
 * buffer and acknowledgements, the op-based log and the operations waiting for their causal
 * past; then what the replica's users issued and the naive store's entries.
 */
import type { NodeSnapshotView } from '../../../worker/api';
import type { NaiveStoreState, OperationEnvelope } from '../../../engine/protocols/crdt/state';
import { internalSections } from './internalState';
import { InternalSections } from './InternalSections';
import { compareReplicaIds, formatVector, knownReplicas, replicaOf, shortValue, type CrdtReplicaState, type ReplicaCopy, type VersionVector } from './replicaModel';
import { formatBytes } from './summaryModel';
import './crdt.css';

export function ReplicaInspector({ node }: { node: NodeSnapshotView }) {
  const replica = replicaOf(node);
  if (replica === null) return <p className="muted">This node holds no replica.</p>;
  const replicas = knownReplicas(replica, peersOf(replica));
  return (
    <div className="crdt-inspector" data-testid={`crdt-inspector-${node.id}`}>
      <p className="crdt-inspector__lead">
        {replica.type} replica {replica.replicaId}, {replica.syncMode === 'all' ? 'all three sync modes side by side' : `${replica.syncMode}-based sync`}
        {node.status === 'crashed' ? ' (persistent state while crashed)' : ''}
      </p>
      {replica.copies.map((copy, index) => (
        <details key={copy.mode} className="crdt-inspector__copy" open={index === 0} data-testid={`crdt-inspector-${node.id}-${copy.mode}`}>
          <summary>
            {copy.mode} sync: <code>{shortValue(copy.value)}</code>
          </summary>
          <CopyDetail replica={replica} copy={copy} replicas={replicas} />
        </details>
      ))}
      <h4 className="crdt-inspector__heading">Issued here</h4>
      <p className="crdt-inspector__figures">
        {replica.issued.updates} updates ({replica.issued.increments} increments, {replica.issued.decrements} decrements), {replica.issued.refused} refused
      </p>
      {replica.naive !== null && <NaiveStoreDetail store={replica.naive} />}
    </div>
  );
}

function peersOf(replica: CrdtReplicaState): string[] {
  return replica.copies.flatMap((copy) => Object.keys(copy.peerVersions));
}

function CopyDetail({ replica, copy, replicas }: { replica: CrdtReplicaState; copy: ReplicaCopy; replicas: string[] }) {
  const rows: Array<[string, VersionVector]> = [
    ['this replica', copy.versionVector],
    ['stable (seen by all)', copy.stable],
    ...Object.keys(copy.peerVersions)
      .sort(compareReplicaIds)
      .map((peer): [string, VersionVector] => [`${peer} reported`, copy.peerVersions[peer] as VersionVector]),
  ];
  return (
    <div className="crdt-inspector__body">
      <table className="crdt-vector-table" data-testid="crdt-vector-table">
        <caption>Version vectors</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="crdt-visually-hidden">whose</span>
            </th>
            {replicas.map((id) => (
              <th key={id} scope="col">
                {id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, vector]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {replicas.map((id) => (
                <td key={id}>{vector[id] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="crdt-inspector__figures">
        {formatBytes(copy.bytesSent)} in {copy.messagesSent} messages sent · {copy.tombstones} tombstones, {copy.tombstonesCollected} collected
      </p>
      <InternalSections sections={internalSections(replica.type, copy.payload)} testIdPrefix={`crdt-inspector-${replica.replicaId}-${copy.mode}`} />
      {copy.delta !== null && <DeltaDetail delta={copy.delta} />}
      {copy.operations !== null && <OperationsDetail operations={copy.operations} />}
    </div>
  );
}

function DeltaDetail({ delta }: { delta: NonNullable<ReplicaCopy['delta']> }) {
  return (
    <div className="crdt-internal__section">
      <div className="crdt-internal__title">
        Delta buffer ({delta.buffer.length} groups, next #{delta.sequence}, {delta.fullStatesSent} full states sent)
      </div>
      <dl className="crdt-internal__list">
        {delta.buffer.map((entry) => (
          <div key={entry.sequence} className="crdt-internal__item">
            <dt>#{entry.sequence}</dt>
            <dd>
              from {entry.from ?? 'a local update'}, {JSON.stringify(entry.payload).length} chars
            </dd>
          </div>
        ))}
        {Object.keys(delta.acknowledged)
          .sort(compareReplicaIds)
          .map((peer) => (
            <div key={peer} className="crdt-internal__item">
              <dt>{peer} acked</dt>
              <dd>up to #{delta.acknowledged[peer]}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

function envelopeText(envelope: OperationEnvelope): string {
  return `${envelope.origin}:${envelope.counter} after ${formatVector(envelope.dependencies)}`;
}

function OperationsDetail({ operations }: { operations: NonNullable<ReplicaCopy['operations']> }) {
  return (
    <div className="crdt-internal__section">
      <div className="crdt-internal__title">Pending operations, waiting for their causal past ({operations.pending.length})</div>
      {operations.pending.length === 0 ? (
        <div className="crdt-internal__empty">none</div>
      ) : (
        <ul className="crdt-inspector__list">
          {operations.pending.map((envelope) => (
            <li key={`${envelope.origin}:${envelope.counter}`}>{envelopeText(envelope)}</li>
          ))}
        </ul>
      )}
      <div className="crdt-internal__title">Operation log, kept until causally stable ({operations.log.length})</div>
      <ul className="crdt-inspector__list">
        {operations.log.map((envelope) => (
          <li key={`${envelope.origin}:${envelope.counter}`}>{envelopeText(envelope)}</li>
        ))}
      </ul>
    </div>
  );
}

function NaiveStoreDetail({ store }: { store: NaiveStoreState }) {
  return (
    <>
      <h4 className="crdt-inspector__heading">Naive LWW store</h4>
      <dl className="crdt-internal__list">
        {Object.keys(store.entries)
          .sort()
          .map((key) => {
            const entry = store.entries[key] as NaiveStoreState['entries'][string];
            return (
              <div key={key} className="crdt-internal__item">
                <dt>{key}</dt>
                <dd>
                  {JSON.stringify(entry.value)} @{entry.timestamp / 1000} ms by {entry.replica}
                </dd>
              </div>
            );
          })}
      </dl>
      <p className="crdt-inspector__figures">
        {store.writes} writes acknowledged, {formatBytes(store.bytesSent)} sent
      </p>
    </>
  );
}
