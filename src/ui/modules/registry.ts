/**
 * Module views: how each protocol module draws its nodes (and later its inspector panels
 * and charts). Keyed by the engine module's name; anything a module does not supply falls
 * back to the generic view, so a new engine module shows up in the lab with no UI code.
 * Register a module's views in modules/index.ts, one line each.
 */
import type { ComponentType } from 'react';
import type { Frame, NodeSnapshotView } from '../../worker/api';
import { GenericNodeCard } from './generic/GenericNodeCard';

export interface NodeCardProps {
  node: NodeSnapshotView;
  selected: boolean;
}

export interface ModulePanel {
  id: string;
  title: string;
  /** 'side': the column beside the canvas; 'bottom': below it. */
  slot: 'side' | 'bottom';
  Component: ComponentType;
}

export interface ModuleShortcut {
  /** KeyboardEvent.key, e.g. 'c'. */
  key: string;
  description: string;
  /** Runs the shortcut; it reads the store and acts through the controller like any component. */
  run(context: ModuleShortcutContext): void;
}

export interface ModuleShortcutContext {
  frame: Frame;
  selectedNodeId: string | null;
  apply(action: Record<string, unknown> & { type: string }): void;
}

export interface ModuleView {
  /** The body of a node on the topology canvas. */
  NodeCard: ComponentType<NodeCardProps>;
  /**
   * Whether NodeCard would draw the same from two snapshots of one node, so the canvas can
   * skip re-rendering it (frames replace every snapshot, changed or not). Without it, every
   * frame re-renders every card.
   */
  sameCard?: (previous: NodeSnapshotView, next: NodeSnapshotView) => boolean;
  /** Module detail in the inspector for the selected node (the generic state tree shows otherwise). */
  NodeInspector?: ComponentType<{ node: NodeSnapshotView }>;
  /** Module panels (Raft's log matrix, a CRDT's bytes on the wire), shown with the shell's panels. */
  panels?: readonly ModulePanel[];
  /** Figures to chart over virtual time, read from each frame: series name → value. */
  chartSeries?: (frame: Frame) => Record<string, number>;
  /** Keyboard shortcuts the module adds (listed in the help overlay). */
  shortcuts?: readonly ModuleShortcut[];
}

export const GENERIC_MODULE_VIEW: ModuleView = { NodeCard: GenericNodeCard };

const views = new Map<string, Partial<ModuleView>>();

export function registerModuleView(moduleName: string, view: Partial<ModuleView>): void {
  views.set(moduleName, view);
}

export function moduleView(moduleName: string | null): ModuleView {
  const registered = moduleName === null ? undefined : views.get(moduleName);
  return { ...GENERIC_MODULE_VIEW, ...registered };
}
