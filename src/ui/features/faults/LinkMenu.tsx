/**
 * A link's fault menu: cut either direction or both, repair, hold or release each
 * direction, and for a held direction the messages waiting on it, each with "deliver" so
 * they can be let through one at a time in any order.
 */
import { useMemo } from 'react';
import { useLab, useLabController } from '../../store/LabContext';
import type { Action, InFlightMessage } from '../../../worker/api';
import { directionKey, parseDirectionKey } from '../topology/frameIndex';
import { deliverAction, linkChoices } from './faultActions';
import { FaultMenu, MenuItem, type MenuPlacement } from './FaultMenu';

interface LinkMenuProps {
  a: string;
  b: string;
  placement: MenuPlacement;
  onClose: () => void;
}

/** Waiting messages listed per direction at most; the rest are counted. */
const WAITING_LIST_LIMIT = 12;

export function LinkMenu({ a, b, placement, onClose }: LinkMenuProps) {
  const controller = useLabController();
  const forward = parseDirectionKey(useLab((state) => directionKey(state.frame, a, b)));
  const backward = parseDirectionKey(useLab((state) => directionKey(state.frame, b, a)));
  const inFlight = useLab((state) => state.frame?.inFlight ?? null);
  const waiting = useMemo(() => (inFlight ?? []).filter((message) => message.held && ((message.from === a && message.to === b) || (message.from === b && message.to === a))), [inFlight, a, b]);
  const apply = (action: Action, close = true): void => {
    void controller.apply(action);
    if (close) onClose();
  };
  return (
    <FaultMenu label={`Link ${a}–${b}`} testId="link-menu" placement={placement} onClose={onClose}>
      <div className="fault-menu__title">
        Link {a} ⇄ {b}
        <span className="fault-menu__subtitle">
          {a}→{b} {forward.state} · {b}→{a} {backward.state}
        </span>
      </div>
      {linkChoices(a, b, forward.state, backward.state).map((choice) => (
        <MenuItem key={choice.id} testId={`link-menu-${choice.id}`} onSelect={() => apply(choice.action)}>
          {choice.label}
        </MenuItem>
      ))}
      {waiting.length > 0 && <WaitingList messages={waiting} onDeliver={(id) => apply(deliverAction(id), false)} />}
    </FaultMenu>
  );
}

function WaitingList({ messages, onDeliver }: { messages: InFlightMessage[]; onDeliver: (id: number) => void }) {
  const shown = messages.slice(0, WAITING_LIST_LIMIT);
  return (
    <div className="fault-menu__section" data-testid="held-messages">
      <div className="fault-menu__section-title">Waiting on the hold ({messages.length})</div>
      <ul className="held-list">
        {shown.map((message) => (
          <li key={message.id} className="held-list__item">
            <span className="held-list__text">
              #{message.id} {message.type} {message.from}→{message.to}
            </span>
            <button type="button" role="menuitem" className="button held-list__deliver" data-testid={`deliver-held-${message.id}`} onClick={() => onDeliver(message.id)}>
              Deliver
            </button>
          </li>
        ))}
      </ul>
      {messages.length > shown.length && <div className="muted">and {messages.length - shown.length} more</div>}
    </div>
  );
}
