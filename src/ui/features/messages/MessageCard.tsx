/**
 * The selected message's card over the canvas: type, sender → receiver, id, label, and what
 * can be done to it — drop it, duplicate it, or deliver it now (the way to let one message
 * through a held link). Acting on a message that has already arrived is reported, not
 * attempted.
 */
import { useLab, useLabController, useLabStore } from '../../store/LabContext';
import { labUpdates } from '../../store/labStore';
import { deliverAction, dropAction, duplicateAction } from '../faults/faultActions';
import { messageColorCss } from '../timeline/messageColors';
import type { Action } from '../../../worker/api';

export function MessageCard() {
  const store = useLabStore();
  const controller = useLabController();
  const selectedId = useLab((state) => state.selectedMessageId);
  const message = useLab((state) => (state.selectedMessageId === null ? undefined : state.frame?.inFlight.find((entry) => entry.id === state.selectedMessageId)));
  if (selectedId === null) return null;
  const close = (): void => store.setState(labUpdates.selectMessage(null));
  const apply = (action: Action, keepSelection: boolean): void => {
    void controller.apply(action);
    if (!keepSelection) close();
  };
  return (
    <div className="message-card nopan" role="dialog" aria-label={`Message #${selectedId}`} data-testid="message-card">
      <div className="message-card__header">
        {message !== undefined && <span className="message-card__swatch" style={{ background: messageColorCss(message.type) }} aria-hidden="true" />}
        <strong data-testid="message-card-type">{message?.type ?? 'Message'}</strong>
        <span className="message-card__id">#{selectedId}</span>
        <button type="button" className="message-card__close" aria-label="Close message card" data-testid="message-card-close" onClick={close}>
          ×
        </button>
      </div>
      {message === undefined ? (
        <p className="muted" data-testid="message-card-gone">
          No longer in flight: it arrived or was dropped.
        </p>
      ) : (
        <>
          <dl className="message-card__facts">
            <dt>Route</dt>
            <dd data-testid="message-card-route">
              {message.from} → {message.to}
            </dd>
            {message.label !== null && (
              <>
                <dt>Label</dt>
                <dd>{message.label}</dd>
              </>
            )}
            <dt>Sent</dt>
            <dd>{message.sentAtMs.toFixed(3)} ms</dd>
            <dt>Arrives</dt>
            <dd>{message.held ? 'held on the link' : `${(message.deliverAtMs ?? 0).toFixed(3)} ms`}</dd>
          </dl>
          <div className="message-card__actions">
            <button type="button" className="button" data-testid="message-drop" onClick={() => apply(dropAction(message.id), false)}>
              Drop
            </button>
            <button type="button" className="button" data-testid="message-duplicate" onClick={() => apply(duplicateAction(message.id), true)}>
              Duplicate
            </button>
            <button type="button" className="button" data-testid="message-deliver" onClick={() => apply(deliverAction(message.id), true)}>
              Deliver now
            </button>
          </div>
        </>
      )}
    </div>
  );
}
