/**
 * Module views: how each protocol module draws its nodes (and later its inspector panels
 * and charts). Keyed by the engine module's name; anything a module does not supply falls
 * back to the generic view, so a new engine module shows up in the lab with no UI code.
 * Register a module's views in modules/index.ts, one line each.
 */
import type { ComponentType } from 'react';
import type { NodeSnapshotView } from '../../worker/api';
import { GenericNodeCard } from './generic/GenericNodeCard';

export interface NodeCardProps {
  node: NodeSnapshotView;
  selected: boolean;
}

export interface ModuleView {
  /** The body of a node on the topology canvas. */
  NodeCard: ComponentType<NodeCardProps>;
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
