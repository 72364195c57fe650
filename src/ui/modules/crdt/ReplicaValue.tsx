/**
 * A replica's value, drawn for its type: a counter as a number, a register's value (an
 * MV-Register's concurrent siblings side by side), an OR-Set as chips, the cart as item →
 * quantity × price lines, and text as the document with each character tinted by its
 * author. Where a value has parts a user can act on (a set element, a cart line), `issue`
 * adds the small buttons that remove them. All text goes in as text, never as markup.
 */
import type { CrdtTypeName } from '../../../engine/protocols/crdt/types/common';
import { authorClass } from './authorColors';
import { canvasIsolation } from './canvasIsolation';
import { canonicalText, cartLines, formatCents, type ReplicaCopy } from './replicaModel';
import { authoredText, authorRuns, authorsOf } from './textDocument';
import type { CrdtRequest } from './useIssueOperation';

export interface ReplicaValueProps {
  nodeId: string;
  type: CrdtTypeName;
  copy: ReplicaCopy;
  issue?: (request: CrdtRequest) => void;
}

export function ReplicaValue({ nodeId, type, copy, issue }: ReplicaValueProps) {
  return (
    <div className={`crdt-value crdt-value--${type}`} data-testid={`crdt-value-${nodeId}`} data-value={canonicalText(copy.value)}>
      <ValueBody nodeId={nodeId} type={type} copy={copy} issue={issue} />
    </div>
  );
}

function ValueBody({ nodeId, type, copy, issue }: ReplicaValueProps) {
  switch (type) {
    case 'g-counter':
    case 'pn-counter':
      return <span className="crdt-value__number">{String(copy.value)}</span>;
    case 'lww-register':
      return copy.value === null ? <span className="muted">never written</span> : <span className="crdt-value__register">{String(copy.value)}</span>;
    case 'mv-register':
      return <Siblings values={Array.isArray(copy.value) ? copy.value.map(String) : []} />;
    case 'or-set':
      return <SetChips nodeId={nodeId} elements={Array.isArray(copy.value) ? copy.value.map(String) : []} issue={issue} />;
    case 'or-map':
      return <CartTable nodeId={nodeId} value={copy.value} issue={issue} />;
    case 'rga':
      return <TextDocument nodeId={nodeId} copy={copy} />;
  }
}

function Siblings({ values }: { values: string[] }) {
  if (values.length === 0) return <span className="muted">never written</span>;
  return (
    <span className="crdt-siblings" aria-label={values.length > 1 ? `${values.length} concurrent values` : 'one value'}>
      {values.map((value, index) => (
        <span key={`${index}:${value}`} className="crdt-chip crdt-chip--sibling">
          {value}
        </span>
      ))}
      {values.length > 1 && <span className="crdt-siblings__note">concurrent</span>}
    </span>
  );
}

function SetChips({ nodeId, elements, issue }: { nodeId: string; elements: string[]; issue?: (request: CrdtRequest) => void }) {
  if (elements.length === 0) return <span className="muted">empty set</span>;
  return (
    <ul className="crdt-chips" aria-label={`set at ${nodeId}`}>
      {elements.map((element) => (
        <li key={element} className="crdt-chip" data-testid={`crdt-element-${nodeId}-${element}`}>
          <span>{element}</span>
          {issue !== undefined && (
            <button
              type="button"
              className="crdt-chip__remove nodrag"
              data-testid={`crdt-remove-${nodeId}-${element}`}
              aria-label={`Remove ${element} at ${nodeId}`}
              {...canvasIsolation}
              onClick={(event) => {
                event.stopPropagation();
                issue({ op: 'remove', element });
              }}
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function CartTable({ nodeId, value, issue }: { nodeId: string; value: unknown; issue?: (request: CrdtRequest) => void }) {
  const lines = cartLines(value);
  if (lines.length === 0) return <span className="muted">empty cart</span>;
  return (
    <table className="crdt-cart" aria-label={`cart at ${nodeId}`}>
      <tbody>
        {lines.map((line) => (
          <tr key={line.item} data-testid={`crdt-cart-${nodeId}-${line.item}`}>
            <th scope="row">{line.item}</th>
            <td className="crdt-cart__quantity">{line.quantity}</td>
            <td className="crdt-cart__price">{line.price === null ? '' : `× ${formatCents(line.price)}`}</td>
            {issue !== undefined && (
              <td className="crdt-cart__actions" {...canvasIsolation}>
                <button type="button" className="crdt-mini nodrag" aria-label={`Add one ${line.item} at ${nodeId}`} onClick={() => issue({ op: 'cart-add', element: line.item, amount: 1 })}>
                  +
                </button>
                <button
                  type="button"
                  className="crdt-mini nodrag"
                  data-testid={`crdt-cart-remove-${nodeId}-${line.item}`}
                  aria-label={`Remove ${line.item} from the cart at ${nodeId}`}
                  onClick={() => issue({ op: 'cart-remove', element: line.item })}
                >
                  ×
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TextDocument({ nodeId, copy }: { nodeId: string; copy: ReplicaCopy }) {
  const characters = authoredText(copy.payload, copy.value);
  const text = typeof copy.value === 'string' ? copy.value : '';
  if (text.length === 0) return <span className="muted">empty document</span>;
  if (characters === null) return <span className="crdt-document">{text}</span>;
  return (
    <>
      <p className="crdt-document" aria-label={`document at ${nodeId}: ${text}`}>
        {authorRuns(characters).map((run) => (
          <span key={run.start} className={authorClass(run.author)} data-author={run.author} title={`typed at ${run.author}`}>
            {run.text}
          </span>
        ))}
      </p>
      <AuthorLegend authors={authorsOf(characters)} />
    </>
  );
}

export function AuthorLegend({ authors }: { authors: readonly string[] }) {
  return (
    <ul className="crdt-legend" aria-label="authors">
      {authors.map((author) => (
        <li key={author} className={authorClass(author)} data-testid={`crdt-author-${author}`}>
          <span className="crdt-legend__swatch" aria-hidden="true" />
          {author}
        </li>
      ))}
    </ul>
  );
}
