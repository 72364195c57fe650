/**
 * A side drawer for the scenario tools (examples, settings, export), built on the native
 * modal <dialog>: it traps focus, closes on Escape and returns focus to the button that
 * opened it, with no focus-management code of our own.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface DrawerProps {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

/** Mounted only while open: mounting shows it, unmounting closes it. */
export function Drawer({ title, testId, onClose, children }: DrawerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = `${testId}-title`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);

  // Portalled to <body>: on a phone the header menu that opened it may close (display: none) around it.
  return createPortal(
    <dialog
      ref={dialogRef}
      className="drawer"
      data-testid={testId}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React unmount it rather than the browser closing it behind React's back.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="drawer__body">
        <header className="drawer__header">
          <h2 id={titleId} className="drawer__title">
            {title}
          </h2>
          <button type="button" className="button drawer__close" data-testid={`${testId}-close`} aria-label={`Close ${title.toLowerCase()}`} onClick={onClose}>
            Close
          </button>
        </header>
        {children}
      </div>
    </dialog>,
    document.body,
  );
}
