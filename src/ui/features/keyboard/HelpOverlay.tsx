/**
 * The keyboard help: a modal dialog listing every shortcut that runs (the shell's, the
 * module's, and the keys of the scrubber and the diagram when focused). Built on the native
 * modal <dialog> (the page behind is inert; Escape closes it), with aria-modal for older
 * screen readers and a Tab loop so focus never leaves it.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useLab } from '../../store/LabContext';
import { moduleView } from '../../modules';
import { SHELL_SHORTCUTS } from './shortcuts';

const VIEW_KEYS: readonly { view: string; label: string; description: string }[] = [
  { view: 'Scrubber', label: '← →', description: 'Move by 1 % of the run' },
  { view: 'Scrubber', label: 'Page Up / Page Down', description: 'Move by 10 % of the run' },
  { view: 'Space-time diagram', label: '← →', description: 'Pan' },
  { view: 'Space-time diagram', label: '+ −', description: 'Zoom in and out' },
  { view: 'Space-time diagram', label: '0', description: 'Show the whole run' },
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const moduleName = useLab((state) => state.module?.name ?? null);
  const moduleTitle = useLab((state) => state.module?.title ?? null);
  const moduleShortcuts = moduleView(moduleName).shortcuts ?? [];

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (!dialog.open) dialog.showModal();
    closeRef.current?.focus();
    return () => dialog.close();
  }, []);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Tab') return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])') ?? [])];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // Portalled to <body>: the button that opens it may sit in a header menu that is closed (display: none) on a phone.
  return createPortal(
    <dialog
      ref={dialogRef}
      className="help-overlay"
      data-testid="help-overlay"
      aria-modal="true"
      aria-labelledby="help-overlay-title"
      onKeyDown={trapTab}
      onCancel={(event) => {
        // Escape: React unmounts it rather than the browser closing it behind React's back.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="help-overlay__header">
        <h2 id="help-overlay-title">Keyboard shortcuts</h2>
        <button ref={closeRef} type="button" className="button button--compact" data-testid="help-close" onClick={onClose}>
          Close
        </button>
      </div>
      <ShortcutTable caption="Playback" rows={SHELL_SHORTCUTS.map(({ label, description }) => ({ label, description }))} />
      {moduleShortcuts.length > 0 && (
        <ShortcutTable caption={moduleTitle ?? 'Module'} rows={moduleShortcuts.map(({ key, description }) => ({ label: key, description }))} testId="help-module-shortcuts" />
      )}
      <ShortcutTable caption="When a view has focus" rows={VIEW_KEYS.map(({ view, label, description }) => ({ label, description: `${view}: ${description}` }))} />
      <p className="help-overlay__note">Shortcuts do not fire while you type in a field or move a slider. Tab moves between controls.</p>
    </dialog>,
    document.body,
  );
}

function ShortcutTable({ caption, rows, testId }: { caption: string; rows: readonly { label: string; description: string }[]; testId?: string }) {
  return (
    <table className="help-overlay__table" data-testid={testId}>
      <caption>{caption}</caption>
      <tbody>
        {rows.map(({ label, description }) => (
          <tr key={`${label}-${description}`}>
            <th scope="row">
              <kbd>{label}</kbd>
            </th>
            <td>{description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
