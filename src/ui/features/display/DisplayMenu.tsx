/**
 * The header's "Display" control: the theme (system, light, dark) as a radio group and a
 * "Reduce motion" switch. A disclosure button opens a small non-modal panel; Escape or a
 * click elsewhere closes it and focus returns to the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { browserDisplaySettings, type ThemeChoice } from './displayPreferences';
import { useDisplayPreferences } from './useDisplayPreferences';
import './display.css';

const THEME_OPTIONS: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function DisplayMenu() {
  const display = useDisplayPreferences();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const settings = browserDisplaySettings();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && rootRef.current?.contains(event.target) !== true) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // Escape closes this panel only (prevented, so an enclosing header menu stays open).
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="display-menu" ref={rootRef} data-theme-choice={display.theme} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--compact display-menu__button"
        data-testid="display-menu"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{display.scheme === 'dark' ? '☾' : '☀'}</span> Display
      </button>
      <div id={panelId} className="display-menu__panel" data-testid="display-panel" hidden={!open}>
        <fieldset className="display-menu__themes">
          <legend>Theme</legend>
          {THEME_OPTIONS.map(({ value, label }) => (
            <label key={value} className="display-menu__choice">
              <input
                type="radio"
                name={`${panelId}-theme`}
                value={value}
                data-testid={`theme-${value}`}
                checked={display.theme === value}
                onChange={() => settings.setTheme(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <label className="display-menu__switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="reduced-motion-toggle"
            checked={display.motion === 'reduce'}
            onChange={(event) => settings.setMotion(event.target.checked ? 'reduce' : 'system')}
          />
          Reduce motion
        </label>
        <p className="display-menu__note">
          {display.motion === 'system' && display.reducedMotion ? 'Your system already asks for reduced motion.' : 'Messages jump between positions instead of gliding; timers move in steps.'}
        </p>
      </div>
    </div>
  );
}
