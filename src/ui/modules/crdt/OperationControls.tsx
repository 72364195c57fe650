/**
 * Issuing operations from a replica card, one compact row per type: ±1 for counters, set for
 * registers, add for the OR-Set (removal is on each chip), add to cart with an optional
 * price (removal on each line), and insert or delete at a position for text. Each becomes a
 * client action at this replica (useIssueOperation). Text fields submit with Enter; every
 * control is a real button or input, so the row is keyboard reachable. The `nodrag` class
 * keeps the canvas from treating clicks and selections here as pans.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { CrdtTypeName } from '../../../engine/protocols/crdt/types/common';
import { canvasIsolation } from './canvasIsolation';
import type { CrdtRequest } from './useIssueOperation';

export interface OperationControlsProps {
  nodeId: string;
  type: CrdtTypeName;
  /** The replica's current text, for the default insert position (the end). */
  textLength: number;
  issue: (request: CrdtRequest) => void;
}

export function OperationControls(props: OperationControlsProps) {
  switch (props.type) {
    case 'g-counter':
    case 'pn-counter':
      return <CounterControls {...props} />;
    case 'lww-register':
    case 'mv-register':
      return <RegisterControls {...props} />;
    case 'or-set':
      return <SetControls {...props} />;
    case 'or-map':
      return <CartControls {...props} />;
    case 'rga':
      return <TextControls {...props} />;
  }
}

function Row({ nodeId, label, onSubmit, children }: { nodeId: string; label: string; onSubmit?: () => void; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };
  return (
    <form className="crdt-ops nodrag nopan" aria-label={`${label} at ${nodeId}`} onSubmit={submit} {...canvasIsolation}>
      {children}
    </form>
  );
}

function CounterControls({ nodeId, type, issue }: OperationControlsProps) {
  return (
    <Row nodeId={nodeId} label="Counter operations">
      {type === 'pn-counter' && (
        <button type="button" className="crdt-button" data-testid={`crdt-decrement-${nodeId}`} aria-label={`Decrement at ${nodeId}`} onClick={() => issue({ op: 'decrement', amount: 1 })}>
          −1
        </button>
      )}
      <button type="button" className="crdt-button" data-testid={`crdt-increment-${nodeId}`} aria-label={`Increment at ${nodeId}`} onClick={() => issue({ op: 'increment', amount: 1 })}>
        +1
      </button>
    </Row>
  );
}

function RegisterControls({ nodeId, issue }: OperationControlsProps) {
  const [value, setValue] = useState('');
  const set = () => {
    if (value === '') return;
    issue({ op: 'set', value });
    setValue('');
  };
  return (
    <Row nodeId={nodeId} label="Register operations" onSubmit={set}>
      <input className="crdt-input" data-testid={`crdt-register-input-${nodeId}`} aria-label={`New value at ${nodeId}`} placeholder="value" maxLength={200} value={value} onChange={(event) => setValue(event.target.value)} />
      <button type="submit" className="crdt-button" data-testid={`crdt-set-${nodeId}`} disabled={value === ''}>
        set
      </button>
    </Row>
  );
}

function SetControls({ nodeId, issue }: OperationControlsProps) {
  const [element, setElement] = useState('');
  const add = () => {
    const name = element.trim();
    if (name === '') return;
    issue({ op: 'add', element: name });
    setElement('');
  };
  return (
    <Row nodeId={nodeId} label="Set operations" onSubmit={add}>
      <input className="crdt-input" data-testid={`crdt-element-input-${nodeId}`} aria-label={`Element to add at ${nodeId}`} placeholder="element" maxLength={40} value={element} onChange={(event) => setElement(event.target.value)} />
      <button type="submit" className="crdt-button" data-testid={`crdt-add-${nodeId}`} disabled={element.trim() === ''}>
        add
      </button>
    </Row>
  );
}

function CartControls({ nodeId, issue }: OperationControlsProps) {
  const [item, setItem] = useState('');
  const [price, setPrice] = useState('');
  const cents = Math.round(Number(price) * 100);
  const validPrice = price === '' || (Number.isFinite(cents) && cents > 0 && cents <= 1_000_000);
  const add = () => {
    const name = item.trim();
    if (name === '' || !validPrice) return;
    issue({ op: 'cart-add', element: name, amount: 1, price: price === '' ? 0 : cents });
    setItem('');
    setPrice('');
  };
  return (
    <Row nodeId={nodeId} label="Cart operations" onSubmit={add}>
      <input className="crdt-input" data-testid={`crdt-item-input-${nodeId}`} aria-label={`Item to add to the cart at ${nodeId}`} placeholder="item" maxLength={40} value={item} onChange={(event) => setItem(event.target.value)} />
      <input
        className="crdt-input crdt-input--narrow"
        data-testid={`crdt-price-input-${nodeId}`}
        aria-label={`Price for the item at ${nodeId} (optional)`}
        aria-invalid={!validPrice}
        placeholder="price"
        inputMode="decimal"
        value={price}
        onChange={(event) => setPrice(event.target.value)}
      />
      <button type="submit" className="crdt-button" data-testid={`crdt-cart-add-${nodeId}`} disabled={item.trim() === '' || !validPrice}>
        add
      </button>
    </Row>
  );
}

function TextControls({ nodeId, textLength, issue }: OperationControlsProps) {
  const [text, setText] = useState('');
  const [position, setPosition] = useState('');
  // An empty position means the end of this replica's document.
  const at = position === '' ? textLength : Math.max(0, Math.min(textLength, Math.trunc(Number(position)) || 0));
  const insert = () => {
    if (text === '') return;
    issue({ op: 'insert', text, position: at });
    setText('');
  };
  return (
    <Row nodeId={nodeId} label="Text operations" onSubmit={insert}>
      <input className="crdt-input" data-testid={`crdt-text-input-${nodeId}`} aria-label={`Text to insert at ${nodeId}`} placeholder="text" maxLength={200} value={text} onChange={(event) => setText(event.target.value)} />
      <input
        className="crdt-input crdt-input--narrow"
        data-testid={`crdt-position-input-${nodeId}`}
        aria-label={`Position in the document at ${nodeId} (empty: the end)`}
        placeholder={`@${textLength}`}
        inputMode="numeric"
        value={position}
        onChange={(event) => setPosition(event.target.value.replace(/[^0-9]/g, ''))}
      />
      <button type="submit" className="crdt-button" data-testid={`crdt-insert-${nodeId}`} disabled={text === ''} aria-label={`Insert at position ${at} at ${nodeId}`} title="insert">
        ⏎
      </button>
      <button
        type="button"
        className="crdt-button"
        data-testid={`crdt-delete-${nodeId}`}
        disabled={at === 0}
        aria-label={`Delete the character before position ${at} at ${nodeId}`}
        title="delete the character before the position"
        onClick={() => issue({ op: 'delete', position: at - 1, amount: 1 })}
      >
        ⌫
      </button>
    </Row>
  );
}
