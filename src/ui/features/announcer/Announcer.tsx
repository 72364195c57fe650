/**
 * A visually hidden live region for screen readers: announces a loaded run and the node
 * faults the user applies (see runAnnouncements.ts for what is said and what the notice
 * area says instead). It listens to the store and the controller directly, so it never
 * re-renders with ordinary frames.
 */
import { useEffect, useState } from 'react';
import { useLabController, useLabStore } from '../../store/LabContext';
import { actionAnnouncement, loadAnnouncement } from './runAnnouncements';

export function Announcer() {
  const store = useLabStore();
  const controller = useLabController();
  // The count makes a repeated sentence a new text node, so it is announced again.
  const [message, setMessage] = useState<{ text: string; count: number }>({ text: '', count: 0 });

  useEffect(() => {
    const say = (text: string | null): void => {
      if (text !== null) setMessage((previous) => ({ text, count: previous.count + 1 }));
    };
    const unsubscribeStore = store.subscribe((state, previous) => say(loadAnnouncement(previous, state)));
    const unsubscribeActions = controller.onApplied((action, frame) => say(actionAnnouncement(action, frame)));
    return () => {
      unsubscribeStore();
      unsubscribeActions();
    };
  }, [store, controller]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      <span key={message.count}>{message.text}</span>
    </div>
  );
}
