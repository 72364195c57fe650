/**
 * The dock below the canvas: the bottom panels (space-time diagram, charts, a module's log
 * matrix or key-value view) as tabs, one visible at a time, so the canvas stays the main
 * thing. The dock can be hidden down to its tab strip and resized by dragging its top edge
 * or, with the keyboard, by focusing that edge and pressing ↑/↓ (Home/End for the limits).
 *
 * Every panel stays mounted when its tab is not showing (the charts keep recording and the
 * diagram keeps its zoom); inactive ones are `hidden`, so they are out of the accessibility
 * tree and take no layout. Tabs follow the WAI-ARIA tabs pattern: arrows move between tabs,
 * the tab list is one Tab stop.
 */
import { useEffect, useRef, useState, type ComponentType, type KeyboardEvent, type PointerEvent } from 'react';
import { browserLayoutSettings, chooseDockTab, clampDockHeight, DOCK_KEY_STEP_PX, maximumDockHeight, MINIMUM_DOCK_HEIGHT_PX, tabForKey } from './layoutPreferences';
import { useLayoutPreferences } from './useLayoutPreferences';
import { PausedWhileHidden } from '../../store/PausedWhileHidden';

export interface DockPanel {
  id: string;
  title: string;
  Component: ComponentType;
}

export function Dock({ panels }: { panels: readonly DockPanel[] }) {
  const layout = useLayoutPreferences();
  const settings = browserLayoutSettings();
  const viewportHeight = useViewportHeight();
  const tabIds = panels.map((panel) => panel.id);
  const active = chooseDockTab(layout.dockTab, tabIds);
  const height = clampDockHeight(layout.dockHeightPx, viewportHeight);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  if (panels.length === 0) return null;

  const select = (id: string): void => settings.update({ dockTab: id, dockOpen: true });
  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, id: string): void => {
    const next = tabForKey(event.key, id, tabIds);
    if (next === null) return;
    event.preventDefault();
    select(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <section className="dock" aria-label="Views" data-testid="dock" data-open={layout.dockOpen} data-active-tab={active ?? undefined}>
      {layout.dockOpen && <ResizeHandle heightPx={height} viewportHeightPx={viewportHeight} onResize={(heightPx) => settings.update({ dockHeightPx: heightPx })} />}
      <div className="dock__bar">
        <div className="dock__tabs" role="tablist" aria-label="Views below the canvas">
          {panels.map(({ id, title }) => (
            <button
              key={id}
              ref={(element) => {
                if (element === null) tabRefs.current.delete(id);
                else tabRefs.current.set(id, element);
              }}
              type="button"
              role="tab"
              id={`dock-tab-${id}`}
              className="dock__tab"
              data-testid={`dock-tab-${id}`}
              aria-selected={id === active}
              aria-controls={`dock-panel-${id}`}
              tabIndex={id === active ? 0 : -1}
              onClick={() => select(id)}
              onKeyDown={(event) => onTabKeyDown(event, id)}
            >
              {title}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button--compact dock__toggle"
          data-testid="dock-toggle"
          aria-expanded={layout.dockOpen}
          aria-controls="dock-body"
          onClick={() => settings.update({ dockOpen: !layout.dockOpen })}
        >
          {layout.dockOpen ? 'Hide views' : 'Show views'}
        </button>
      </div>
      <div id="dock-body" className="dock__body" style={{ height: layout.dockOpen ? height : undefined }} hidden={!layout.dockOpen}>
        {panels.map(({ id, Component }) => (
          <div
            key={id}
            role="tabpanel"
            id={`dock-panel-${id}`}
            className="dock__panel panel"
            data-testid={`dock-panel-${id}`}
            aria-labelledby={`dock-tab-${id}`}
            hidden={id !== active}
          >
            <PausedWhileHidden visible={layout.dockOpen && id === active}>
              <Component />
            </PausedWhileHidden>
          </div>
        ))}
      </div>
    </section>
  );
}

interface ResizeHandleProps {
  heightPx: number;
  viewportHeightPx: number;
  onResize: (heightPx: number) => void;
}

/** The dock's top edge: a focusable separator with its value, dragged by pointer or moved by keys. */
function ResizeHandle({ heightPx, viewportHeightPx, onResize }: ResizeHandleProps) {
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);
  const maximum = maximumDockHeight(viewportHeightPx);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: heightPx };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const start = drag.current;
    if (start === null) return;
    // Dragging the top edge up makes the dock taller.
    onResize(clampDockHeight(start.startHeight + (start.startY - event.clientY), viewportHeightPx));
  };
  const onPointerUp = (): void => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const changes: Record<string, number> = {
      ArrowUp: heightPx + DOCK_KEY_STEP_PX,
      ArrowDown: heightPx - DOCK_KEY_STEP_PX,
      PageUp: heightPx + DOCK_KEY_STEP_PX * 4,
      PageDown: heightPx - DOCK_KEY_STEP_PX * 4,
      Home: MINIMUM_DOCK_HEIGHT_PX,
      End: maximum,
    };
    const next = changes[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(clampDockHeight(next, viewportHeightPx));
  };

  return (
    <div
      className="dock__resize"
      role="separator"
      tabIndex={0}
      aria-orientation="horizontal"
      aria-label="Resize the views below the canvas"
      aria-valuemin={MINIMUM_DOCK_HEIGHT_PX}
      aria-valuemax={maximum}
      aria-valuenow={heightPx}
      aria-valuetext={`${heightPx} pixels tall`}
      aria-controls="dock-body"
      data-testid="dock-resize"
      title="Drag to resize (or focus and use ↑ ↓)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}

function useViewportHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = (): void => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}
