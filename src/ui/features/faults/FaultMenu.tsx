/**
 * A small popup menu over the canvas (the node and link menus). Keyboard: it takes focus on
 * its first item, ↑/↓ move between items, Escape closes it and gives focus back to what
 * opened it; a press outside closes it too.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export interface MenuPlacement {
  /** Position inside the canvas container, in pixels. */
  x: number;
  y: number;
}

interface FaultMenuProps {
  label: string;
  testId: string;
  placement: MenuPlacement;
  onClose: () => void;
  children: ReactNode;
}

const ITEM_SELECTOR = '[role="menuitem"]:not(:disabled), input, button:not(:disabled)';

export function FaultMenu({ label, testId, placement, onClose, children }: FaultMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const menu = menuRef.current;
    const opener = document.activeElement instanceof HTMLElement || document.activeElement instanceof SVGElement ? document.activeElement : null;
    menu?.querySelector<HTMLElement>(ITEM_SELECTOR)?.focus();
    const onPointerDown = (event: PointerEvent): void => {
      if (menu !== null && !menu.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      // Give focus back only if it was inside the menu (a click elsewhere put it where the user wanted).
      if (menu !== null && menu.contains(document.activeElement)) opener?.focus();
    };
  }, [onClose]);

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];
    if (items.length === 0) return;
    event.preventDefault();
    const current = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? (current + 1) % items.length : (current - 1 + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div
      ref={menuRef}
      className="fault-menu nopan nowheel"
      role="menu"
      aria-label={label}
      data-testid={testId}
      style={{ left: placement.x, top: placement.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {children}
    </div>
  );
}

export function MenuItem({ testId, onSelect, children }: { testId: string; onSelect: () => void; children: ReactNode }) {
  return (
    <button type="button" role="menuitem" className="fault-menu__item" data-testid={testId} onClick={onSelect}>
      {children}
    </button>
  );
}
