/**
 * The shell's panels. A feature lives in src/ui/features/<name>/ and plugs in here with one
 * entry: where it goes (the side column, or below the canvas) and its title. The canvas and
 * the playback bar are the shell's own fixed parts.
 */
import type { ComponentType } from 'react';
import { InvariantList } from '../features/invariants/InvariantList';

export type PanelSlot = 'side' | 'bottom';

export interface FeaturePanel {
  id: string;
  title: string;
  slot: PanelSlot;
  Component: ComponentType;
}

export const featurePanels: readonly FeaturePanel[] = [{ id: 'invariants', title: 'Invariants', slot: 'side', Component: InvariantList }];

export function panelsIn(slot: PanelSlot): readonly FeaturePanel[] {
  return featurePanels.filter((panel) => panel.slot === slot);
}
