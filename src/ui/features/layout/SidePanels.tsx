/**
 * The side column: the side panels (invariants, inspector, network, messages, a module's
 * own) as an accordion. Each title is a button that collapses or expands its panel
 * (aria-expanded); what is collapsed is remembered. All panels start expanded. A collapsed
 * panel stays mounted but `hidden`, so its state (a typed value, a scroll position) survives.
 */
import type { ComponentType } from 'react';
import { browserLayoutSettings, toggleCollapsed } from './layoutPreferences';
import { useLayoutPreferences } from './useLayoutPreferences';
import { PausedWhileHidden } from '../../store/PausedWhileHidden';

export interface SidePanel {
  id: string;
  title: string;
  Component: ComponentType;
}

export function SidePanels({ panels }: { panels: readonly SidePanel[] }) {
  const layout = useLayoutPreferences();
  if (panels.length === 0) return null;
  const toggle = (id: string): void => {
    const settings = browserLayoutSettings();
    settings.update({ collapsedPanels: toggleCollapsed(settings.get().collapsedPanels, id) });
  };
  return (
    <aside className="shell__side" aria-label="Run details" data-testid="side-column">
      {panels.map(({ id, title, Component }) => {
        const collapsed = layout.collapsedPanels.includes(id);
        return (
          <section key={id} className="panel side-panel" aria-labelledby={`panel-${id}`} data-testid={`side-panel-${id}`} data-collapsed={collapsed}>
            <h2 className="panel__title side-panel__title">
              <button
                type="button"
                id={`panel-${id}`}
                className="side-panel__toggle"
                data-testid={`side-panel-toggle-${id}`}
                aria-expanded={!collapsed}
                aria-controls={`panel-${id}-body`}
                onClick={() => toggle(id)}
              >
                <span className="side-panel__chevron" aria-hidden="true" />
                {title}
              </button>
            </h2>
            <div id={`panel-${id}-body`} className="side-panel__body" hidden={collapsed}>
              <PausedWhileHidden visible={!collapsed}>
                <Component />
              </PausedWhileHidden>
            </div>
          </section>
        );
      })}
    </aside>
  );
}
