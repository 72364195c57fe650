/**
 * The lab's keyboard shortcuts, as data: which key does what, for the listener and for the
 * help overlay alike, so the list the user reads is the list that runs. Pure; the React
 * binding (KeyboardShortcuts.tsx) turns a command into a controller call.
 */

export type ShellCommand = 'togglePlay' | 'step' | 'stepBack' | 'stepToNext' | 'slower' | 'faster' | 'seekStart' | 'seekEnd' | 'help';

export interface ShellShortcut {
  command: ShellCommand;
  /** KeyboardEvent.key values that trigger it. */
  keys: readonly string[];
  shift: boolean;
  /** How the help overlay writes the keys. */
  label: string;
  description: string;
}

export const SHELL_SHORTCUTS: readonly ShellShortcut[] = [
  { command: 'togglePlay', keys: [' '], shift: false, label: 'Space', description: 'Play or pause' },
  { command: 'step', keys: ['.', 'ArrowRight'], shift: false, label: '. or →', description: 'Step one event forward' },
  { command: 'stepToNext', keys: ['ArrowRight'], shift: true, label: 'Shift + →', description: 'Step to the next event of the chosen kind' },
  { command: 'stepBack', keys: ['ArrowLeft'], shift: false, label: '←', description: 'Step one event back' },
  { command: 'slower', keys: ['['], shift: false, label: '[', description: 'Slower' },
  { command: 'faster', keys: [']'], shift: false, label: ']', description: 'Faster' },
  { command: 'seekStart', keys: ['Home'], shift: false, label: 'Home', description: 'Go to the start of the run' },
  { command: 'seekEnd', keys: ['End'], shift: false, label: 'End', description: 'Go to the furthest point reached' },
  { command: 'help', keys: ['?'], shift: true, label: '?', description: 'Show these shortcuts' },
];

/** What a key press means to the lab, before looking at where it happened. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export type ResolvedShortcut = { kind: 'shell'; command: ShellCommand } | { kind: 'module'; key: string } | null;

/**
 * The shell's shortcut for a key press, else a module's (by key), else null. Presses with
 * Ctrl, Meta or Alt belong to the browser and the system. '?' needs Shift on most layouts
 * and is matched whatever Shift says; other keys match Shift exactly.
 */
export function resolveShortcut(press: KeyPress, moduleKeys: readonly string[]): ResolvedShortcut {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  for (const shortcut of SHELL_SHORTCUTS) {
    if (!shortcut.keys.includes(press.key)) continue;
    if (shortcut.command === 'help' || shortcut.shift === press.shiftKey) return { kind: 'shell', command: shortcut.command };
  }
  if (moduleKeys.includes(press.key)) return { kind: 'module', key: press.key };
  return null;
}

/** Elements that take typed text or own their arrow keys: shortcuts stay out of their way. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'range', 'date', 'time', 'datetime-local', 'month', 'week', 'color']);

export interface TargetDescription {
  tagName: string;
  type: string | null;
  isContentEditable: boolean;
  role: string | null;
}

/** Whether a key press on this element is the element's own business (typing, moving a slider, choosing an option). */
export function ownsKeys(target: TargetDescription): boolean {
  const tag = target.tagName.toLowerCase();
  if (target.isContentEditable || tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return TEXT_INPUT_TYPES.has((target.type ?? 'text').toLowerCase());
  return target.role === 'slider' || target.role === 'textbox' || target.role === 'combobox' || target.role === 'spinbutton' || target.role === 'listbox' || target.role === 'menu' || target.role === 'menuitem';
}

/** Space and Enter on a button or link activate it; the shortcut must not fire as well. */
export function activatesNatively(target: TargetDescription, key: string): boolean {
  if (key !== ' ' && key !== 'Enter') return false;
  const tag = target.tagName.toLowerCase();
  return tag === 'button' || tag === 'a' || tag === 'summary' || (tag === 'input' && ['button', 'submit', 'checkbox', 'radio', 'reset'].includes((target.type ?? '').toLowerCase())) || target.role === 'button' || target.role === 'checkbox' || target.role === 'switch' || target.role === 'tab' || target.role === 'option';
}
