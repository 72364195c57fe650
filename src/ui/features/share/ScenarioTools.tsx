/**
 * The header's scenario tools: the example gallery (home), scenario settings, export,
 * import and share. Gallery, settings and export open in a drawer, one at a time; import and
 * share act at once. The page-wide drop zone for files lives here too, so it is always on.
 */
import { useState } from 'react';
import { useLab, useLabController } from '../../store/LabContext';
import { Gallery } from '../gallery/Gallery';
import { SettingsPanel } from '../settings/SettingsPanel';
import { ExportPanel } from '../exportPanel/ExportPanel';
import { ImportButton, ImportDropZone } from '../importer/ImportControls';
import { Drawer } from './Drawer';
import { ShareButton } from './ShareButton';
import '../gallery/gallery.css';
import '../settings/settings.css';
import '../importer/importer.css';
import './share.css';

type DrawerName = 'examples' | 'settings' | 'export';

const DRAWER_TITLES: Readonly<Record<DrawerName, string>> = {
  examples: 'Examples',
  settings: 'Scenario settings',
  export: 'Export',
};

export function ScenarioTools() {
  const controller = useLabController();
  const hasScenario = useLab((state) => state.openedScenario !== null);
  const [open, setOpen] = useState<DrawerName | null>(null);
  const close = () => setOpen(null);
  const toggle = (name: DrawerName) => {
    // Exporting describes one instant: hold the run still while the panel is open.
    if (name === 'export') controller.pause();
    setOpen((current) => (current === name ? null : name));
  };

  return (
    <nav className="scenario-tools" aria-label="Scenario">
      <button type="button" className="button" data-testid="open-gallery" aria-haspopup="dialog" onClick={() => toggle('examples')}>
        Examples
      </button>
      <button type="button" className="button" data-testid="open-settings" aria-haspopup="dialog" disabled={!hasScenario} onClick={() => toggle('settings')}>
        Settings
      </button>
      <button type="button" className="button" data-testid="open-export" aria-haspopup="dialog" onClick={() => toggle('export')}>
        Export
      </button>
      <ImportButton />
      <ShareButton />
      <ImportDropZone />
      {open !== null && (
        <Drawer title={DRAWER_TITLES[open]} testId={`drawer-${open}`} onClose={close}>
          {open === 'examples' && <Gallery onOpened={close} />}
          {open === 'settings' && <SettingsPanel />}
          {open === 'export' && <ExportPanel />}
        </Drawer>
      )}
    </nav>
  );
}
