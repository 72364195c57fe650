/**
 * The lab's keyboard: one keydown listener on the window that turns the shortcuts in
 * shortcuts.ts (and the module's, from its ModuleView) into controller calls, plus the
 * "Keyboard shortcuts" button and the help overlay it opens (also with '?').
 *
 * A key press is left alone when something else owns it: a text field, a slider, a select,
 * a focused button (Space and Enter), a view with its own arrow keys (the diagram, the
 * canvas), an open modal dialog, or a handler that already called preventDefault.
 */
import { useEffect, useRef, useState } from 'react';
import { useLabController, useLabStore } from '../../store/LabContext';
import type { LabController } from '../../controller/labController';
import type { LabStore } from '../../store/labStore';
import { moduleView } from '../../modules';
import type { Action } from '../../../worker/api';
import { nextSpeedStop } from '../playback/speed';
import { activatesNatively, ownsKeys, resolveShortcut, type ShellCommand } from './shortcuts';
import { HelpOverlay } from './HelpOverlay';
import './keyboard.css';

/** Views that use the arrow keys themselves (pan the diagram, move a node on the canvas). */
const OWN_ARROW_KEYS = '.faultline-timeline, .react-flow__node, .link';

/** `button: false` (embed mode, which has no header): the keys and the '?' overlay without the header's button. */
export function KeyboardShortcuts({ button = true }: { button?: boolean } = {}) {
  const controller = useLabController();
  const store = useLabStore();
  const [helpOpen, setHelpOpen] = useState(false);
  const openerRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const openHelp = (): void => {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setHelpOpen(true);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !keyIsOurs(event)) return;
      const state = store.getState();
      const shortcuts = moduleView(state.module?.name ?? null).shortcuts ?? [];
      const resolved = resolveShortcut(event, shortcuts.map((shortcut) => shortcut.key));
      if (resolved === null) return;
      event.preventDefault();
      if (resolved.kind === 'shell') {
        if (resolved.command === 'help') openHelp();
        else runShellCommand(resolved.command, controller, store);
        return;
      }
      const shortcut = shortcuts.find((candidate) => candidate.key === resolved.key);
      if (shortcut === undefined || state.frame === null || state.status !== 'ready') return;
      shortcut.run({ frame: state.frame, selectedNodeId: state.selectedNodeId, apply: (action) => void controller.apply(action as unknown as Action) });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller, store]);

  // Once the dialog has closed (and the page is no longer inert), focus goes back to where the user was.
  useEffect(() => {
    if (helpOpen) return;
    const opener = openerRef.current;
    openerRef.current = null;
    if (opener !== null && opener.isConnected) opener.focus();
  }, [helpOpen]);

  return (
    <>
      {button && (
        <button
          type="button"
          className="button button--compact shortcuts-button"
          data-testid="shortcuts-button"
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          onClick={(event) => {
            openerRef.current = event.currentTarget;
            setHelpOpen(true);
          }}
        >
          Shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </>
  );
}

function keyIsOurs(event: KeyboardEvent): boolean {
  if (document.querySelector('dialog[open]') !== null) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (target === null) return true;
  const description = {
    tagName: target.tagName,
    type: target.getAttribute('type'),
    role: target.getAttribute('role'),
    isContentEditable: target instanceof HTMLElement && target.isContentEditable,
  };
  if (ownsKeys(description) || activatesNatively(description, event.key)) return false;
  if (event.key.startsWith('Arrow') && target.closest(OWN_ARROW_KEYS) !== null) return false;
  return true;
}

function runShellCommand(command: Exclude<ShellCommand, 'help'>, controller: LabController, store: LabStore): void {
  const state = store.getState();
  if (state.frame === null || state.status !== 'ready') return;
  const commands: Record<Exclude<ShellCommand, 'help'>, () => void> = {
    togglePlay: () => controller.togglePlay(),
    step: () => void controller.step(),
    stepBack: () => void controller.stepBack(),
    stepToNext: () => void controller.stepUntil([state.stepTarget]),
    slower: () => controller.setSpeed(nextSpeedStop(state.speed, -1)),
    faster: () => controller.setSpeed(nextSpeedStop(state.speed, 1)),
    seekStart: () => {
      controller.pause();
      void controller.seek(0);
    },
    seekEnd: () => {
      controller.pause();
      void controller.seek(Math.max(state.furthestTimeMs, state.frame?.timeMs ?? 0));
    },
  };
  commands[command]();
}
