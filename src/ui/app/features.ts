/**
 * The shell's panels. A feature lives in src/ui/features/<name>/ and plugs in here with one
 * entry: where it goes (the side column, or below the canvas) and its title. The canvas and
 * the playback bar are the shell's own fixed parts.
 */
import type { ComponentType } from 'react';
import { InvariantList } from '../features/invariants/InvariantList';
import { NetworkPanel } from '../features/network/NetworkPanel';
import { InFlightList } from '../features/messages/InFlightList';
import { InspectorPanel } from '../features/inspector/InspectorPanel';
import { SpaceTimePanel } from '../features/spacetime/SpaceTimePanel';
import { ChartsPanel } from '../features/chartsPanel/ChartsPanel';

export type PanelSlot = 'side' | 'bottom';

export interface FeaturePanel {
  id: string;
  title: string;
  slot: PanelSlot;
  Component: ComponentType;
}

export const featurePanels: readonly FeaturePanel[] = [
  { id: 'invariants', title: 'Invariants', slot: 'side', Component: InvariantList },
  { id: 'inspector', title: 'Inspector', slot: 'side', Component: InspectorPanel },
  { id: 'network', title: 'Network', slot: 'side', Component: NetworkPanel },
  { id: 'messages', title: 'Messages in flight', slot: 'side', Component: InFlightList },
  { id: 'spacetime', title: 'Space-time diagram', slot: 'bottom', Component: SpaceTimePanel },
  { id: 'charts', title: 'Charts', slot: 'bottom', Component: ChartsPanel },
];

export function panelsIn(slot: PanelSlot): readonly FeaturePanel[] {
  return featurePanels.filter((panel) => panel.slot === slot);
}
