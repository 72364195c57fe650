/**
 * The header's tools (scenario tools, shortcuts, display). On a wide window they sit in a
 * row; on a narrow one (see layout.css) they fold behind a "Menu" button and open as a panel
 * under the header. Escape or a click outside closes the panel. Dialogs the tools open are
 * portalled to <body>, so they show even when the panel that opened them is closed.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function HeaderTools({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null): boolean => target instanceof Node && rootRef.current?.contains(target) === true;
    const onPointerDown = (event: PointerEvent): void => {
      // A click in an open dialog (portalled elsewhere) is not "outside": the menu waits for it.
      if (!inside(event.target) && document.querySelector('dialog[open]') === null) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented || !inside(event.target)) return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div className="header-tools" ref={rootRef} data-open={open}>
      <button
        ref={buttonRef}
        type="button"
        className="button header-tools__menu"
        data-testid="header-menu"
        aria-expanded={open}
        aria-controls="header-tools-list"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="header-tools__icon" aria-hidden="true" />
        Menu
      </button>
      <div id="header-tools-list" className="header-tools__list" data-testid="header-tools">
        {children}
      </div>
    </div>
  );
}
