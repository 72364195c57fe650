import { describe, expect, it } from 'vitest';
import { activatesNatively, ownsKeys, resolveShortcut, type KeyPress } from './shortcuts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });
const element = (tagName: string, type: string | null = null, role: string | null = null) => ({ tagName, type, role, isContentEditable: false });

describe('keyboard shortcuts', () => {
  it('maps the playback keys to shell commands', () => {
    expect(resolveShortcut(press(' '), [])).toEqual({ kind: 'shell', command: 'togglePlay' });
    expect(resolveShortcut(press('.'), [])).toEqual({ kind: 'shell', command: 'step' });
    expect(resolveShortcut(press('ArrowRight'), [])).toEqual({ kind: 'shell', command: 'step' });
    expect(resolveShortcut(press('ArrowRight', { shiftKey: true }), [])).toEqual({ kind: 'shell', command: 'stepToNext' });
    expect(resolveShortcut(press('ArrowLeft'), [])).toEqual({ kind: 'shell', command: 'stepBack' });
    expect(resolveShortcut(press('['), [])).toEqual({ kind: 'shell', command: 'slower' });
    expect(resolveShortcut(press(']'), [])).toEqual({ kind: 'shell', command: 'faster' });
    expect(resolveShortcut(press('Home'), [])).toEqual({ kind: 'shell', command: 'seekStart' });
    expect(resolveShortcut(press('End'), [])).toEqual({ kind: 'shell', command: 'seekEnd' });
    expect(resolveShortcut(press('?', { shiftKey: true }), [])).toEqual({ kind: 'shell', command: 'help' });
  });

  it('leaves browser and system combinations alone', () => {
    expect(resolveShortcut(press('ArrowLeft', { altKey: true }), [])).toBeNull();
    expect(resolveShortcut(press(']', { ctrlKey: true }), [])).toBeNull();
    expect(resolveShortcut(press('.', { metaKey: true }), [])).toBeNull();
  });

  it('falls back to module keys, and the shell wins a clash', () => {
    expect(resolveShortcut(press('t'), ['t', 'c'])).toEqual({ kind: 'module', key: 't' });
    expect(resolveShortcut(press('.'), ['.'])).toEqual({ kind: 'shell', command: 'step' });
    expect(resolveShortcut(press('x'), ['t'])).toBeNull();
  });

  it('does not fire while typing, sliding or choosing', () => {
    expect(ownsKeys(element('INPUT', 'text'))).toBe(true);
    expect(ownsKeys(element('INPUT', 'range'))).toBe(true);
    expect(ownsKeys(element('TEXTAREA'))).toBe(true);
    expect(ownsKeys(element('SELECT'))).toBe(true);
    expect(ownsKeys({ ...element('DIV'), isContentEditable: true })).toBe(true);
    expect(ownsKeys(element('DIV', null, 'slider'))).toBe(true);
    expect(ownsKeys(element('BUTTON'))).toBe(false);
    expect(ownsKeys(element('BODY'))).toBe(false);
  });

  it('lets Space and Enter activate a focused button instead of the shortcut', () => {
    expect(activatesNatively(element('BUTTON'), ' ')).toBe(true);
    expect(activatesNatively(element('A'), 'Enter')).toBe(true);
    expect(activatesNatively(element('BUTTON'), '.')).toBe(false);
    expect(activatesNatively(element('BODY'), ' ')).toBe(false);
  });
});
