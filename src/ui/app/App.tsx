/**
 * The app shell: a header naming the run, the topology canvas (or the problem panel when
 * the input was bad), panels from the feature list, the playback bar and notices. The
 * shell stays on screen whatever goes wrong, so there is never a blank page.
 *
 * Layout (layout.css): the canvas is the main thing; the bottom panels share a tabbed,
 * resizable dock under it; the side panels are a collapsible column beside it (below it on a
 * phone). Landmarks: header (banner), main (canvas and dock), aside (complementary), footer
 * (the playback bar, contentinfo). With ?embed=1 only the canvas and the playback bar show,
 * and the playback keys still work (their help opens with '?').
 */
import { LabProvider, useLab } from '../store/LabContext';
import type { LabController } from '../controller/labController';
import type { LabStore } from '../store/labStore';
import { TopologyCanvas } from '../features/topology/TopologyCanvas';
import { PlaybackBar } from '../features/playback/PlaybackBar';
import { ProblemPanel } from '../features/problems/ProblemPanel';
import { NoticeArea } from '../features/notices/NoticeArea';
import { useState } from 'react';
import { panelsIn, type FeaturePanel, type PanelSlot } from './features';
import { moduleView } from '../modules';
import { DEFAULT_HASH } from '../routing/openRequest';
import { ScenarioTools } from '../features/share/ScenarioTools';
import { KeyboardShortcuts } from '../features/keyboard/KeyboardShortcuts';
import { Dock } from '../features/layout/Dock';
import { SidePanels } from '../features/layout/SidePanels';
import { HeaderTools } from '../features/layout/HeaderTools';
import { DisplayMenu } from '../features/display/DisplayMenu';
import { Announcer } from '../features/announcer/Announcer';
import { EmbedLink } from '../features/embed/EmbedLink';
import { isEmbedRequest } from '../features/embed/embedMode';
import '../features/layout/layout.css';
import { useChartRecorder } from '../features/chartsPanel/useChartRecorder';

export function App({ store, controller }: { store: LabStore; controller: LabController }) {
  return (
    <LabProvider store={store} controller={controller}>
      <Shell />
    </LabProvider>
  );
}

function Shell() {
  const status = useLab((state) => state.status);
  const playing = useLab((state) => state.playing);
  const hasProblems = useLab((state) => state.problems !== null);
  // Chart samples are taken from every frame, whether or not the charts are on screen.
  useChartRecorder();
  // Asked for once, by the address the page was opened with (the run's hash may change later).
  const [embed] = useState(() => isEmbedRequest(window.location.href));
  const bottomPanels = usePanels('bottom');
  const sidePanels = usePanels('side');
  const canvas = (
    <section className="shell__canvas" aria-label="Simulation">
      {hasProblems ? <ProblemPanel /> : <TopologyCanvas />}
      {status === 'loading' && <div className="shell__loading">Loading…</div>}
      {embed && <EmbedTitle />}
      {embed && <EmbedLink />}
      {embed && <KeyboardShortcuts button={false} />}
    </section>
  );
  return (
    <div className={embed ? 'shell shell--embed' : 'shell'} data-testid="shell" data-run-status={status} data-playing={playing} data-embed={embed}>
      {!embed && <ShellHeader />}
      <main className="shell__main">
        {canvas}
        {!embed && <Dock panels={bottomPanels} />}
      </main>
      {!embed && <SidePanels panels={sidePanels} />}
      <footer className="shell__toolbar">
        <PlaybackBar />
      </footer>
      <NoticeArea />
      <Announcer />
    </div>
  );
}

/** Embed mode has no header; the page still has its heading for screen readers. */
function EmbedTitle() {
  const title = useLab((state) => state.scenarioTitle);
  return <h1 className="visually-hidden">{title === null ? 'Faultline' : `Faultline: ${title}`}</h1>;
}

function ShellHeader() {
  const title = useLab((state) => state.scenarioTitle);
  const moduleTitle = useLab((state) => state.module?.title ?? null);
  return (
    <header className="shell__header">
      <a className="brand" href={DEFAULT_HASH} aria-label="Faultline home">
        <span className="brand__mark" aria-hidden="true">⌁</span> Faultline
      </a>
      {moduleTitle !== null && <span className="shell__module">{moduleTitle}</span>}
      {title !== null ? (
        <h1 className="shell__title" data-testid="scenario-title">
          {title}
        </h1>
      ) : (
        <h1 className="visually-hidden">Faultline</h1>
      )}
      <HeaderTools>
        <ScenarioTools />
        <KeyboardShortcuts />
        <DisplayMenu />
      </HeaderTools>
    </header>
  );
}

/** The panels for one slot. In the dock the shell's views come first (the diagram is its default tab); in the side column the module's own lead. */
function usePanels(slot: PanelSlot): readonly FeaturePanel[] {
  const moduleName = useLab((state) => state.module?.name ?? null);
  const modulePanels = (moduleView(moduleName).panels ?? []).filter((panel) => panel.slot === slot);
  return slot === 'bottom' ? [...panelsIn(slot), ...modulePanels] : [...modulePanels, ...panelsIn(slot)];
}
