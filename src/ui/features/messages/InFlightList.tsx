/**
 * Messages in flight as a list of buttons: the keyboard and screen-reader way to pick a
 * message (the canvas dots are for the mouse). Selecting one pauses the run and opens its
 * card on the canvas. Long lists are cut to the first few; the count says how many there are.
 *
 * While the run plays, the list is redrawn at most a few times a second: messages come and
 * go faster than anyone can read or click them, and rebuilding forty buttons on every frame
 * took frames from the canvas. Paused, it shows the current frame at once.
 *
 * Items are keyed by position, not by message id: while playing, most messages listed at one
 * refresh have arrived by the next, and keyed by id every refresh removed and created some
 * forty buttons (with their style, layout and paint) instead of changing their text.
 */
import { useEffect, useRef } from 'react';
import { useLab, useLabController, useLabStable, useLabStore } from '../../store/LabContext';
import { labUpdates } from '../../store/labStore';
import { messageColorCss } from '../timeline/messageColors';
import './messages.css';

const LIST_LIMIT = 40;
const PLAYING_REFRESH_MS = 250;

export function InFlightList() {
  const store = useLabStore();
  const controller = useLabController();
  const shownAtMs = useRef(0);
  const inFlight = useLabStable(
    (state) => state.frame?.inFlight ?? null,
    (previous, next) => previous === next || (store.getState().playing && performance.now() - shownAtMs.current < PLAYING_REFRESH_MS),
  );
  useEffect(() => {
    shownAtMs.current = performance.now();
  }, [inFlight]);
  const selectedId = useLab((state) => state.selectedMessageId);
  if (inFlight === null) return null;
  const shown = inFlight.slice(0, LIST_LIMIT);
  return (
    <div className="in-flight" data-testid="in-flight">
      <p className="in-flight__count muted" aria-live="off">
        {inFlight.length === 0 ? 'Nothing in flight.' : `${inFlight.length} in flight${inFlight.length > shown.length ? `, first ${shown.length} listed` : ''}.`}
      </p>
      <ul className="in-flight__list">
        {shown.map((message, position) => (
          <li key={position}>
            <button
              type="button"
              className="in-flight__item"
              aria-pressed={message.id === selectedId}
              data-testid={`in-flight-${message.id}`}
              onClick={() => {
                controller.pause();
                store.setState(labUpdates.selectMessage(message.id));
              }}
            >
              <span className="in-flight__swatch" style={{ background: messageColorCss(message.type) }} aria-hidden="true" />
              <span className="in-flight__type">{message.type}</span>
              <span className="in-flight__route">
                {message.from}→{message.to}
              </span>
              {message.held && <span className="in-flight__held">held</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
