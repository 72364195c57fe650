/**
 * The app shell: a header naming the run, the topology canvas (or the problem panel when
 * the input was bad), panels from the feature list, the playback bar and notices. The
 * shell stays on screen whatever goes wrong, so there is never a blank page.
 */
import { LabProvider, useLab } from '../store/LabContext';
import type { LabController } from '../controller/labController';
import type { LabStore } from '../store/labStore';
import { TopologyCanvas } from '../features/topology/TopologyCanvas';
import { PlaybackBar } from '../features/playback/PlaybackBar';
import { ProblemPanel } from '../features/problems/ProblemPanel';
import { NoticeArea } from '../features/notices/NoticeArea';
import { panelsIn, type PanelSlot } from './features';
import { moduleView } from '../modules';
import { DEFAULT_HASH } from '../routing/openRequest';
import { ScenarioTools } from '../features/share/ScenarioTools';
import { KeyboardShortcuts } from '../features/keyboard/KeyboardShortcuts';

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
  return (
    <div className="shell" data-testid="shell" data-run-status={status} data-playing={playing}>
      <ShellHeader />
      <main className="shell__main">
        <section className="shell__canvas" aria-label="Simulation">
          {hasProblems ? <ProblemPanel /> : <TopologyCanvas />}
          {status === 'loading' && <div className="shell__loading">Loading…</div>}
        </section>
        <PanelColumn slot="side" />
      </main>
      <PanelColumn slot="bottom" />
      <footer className="shell__toolbar">
        <PlaybackBar />
      </footer>
      <NoticeArea />
    </div>
  );
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
      {title !== null && (
        <h1 className="shell__title" data-testid="scenario-title">
          {title}
        </h1>
      )}
      <ScenarioTools />
      <KeyboardShortcuts />
    </header>
  );
}

function PanelColumn({ slot }: { slot: PanelSlot }) {
  const moduleName = useLab((state) => state.module?.name ?? null);
  const modulePanels = (moduleView(moduleName).panels ?? []).filter((panel) => panel.slot === slot);
  const panels = [...modulePanels, ...panelsIn(slot)];
  if (panels.length === 0) return null;
  return (
    <aside className={`shell__${slot}`}>
      {panels.map(({ id, title, Component }) => (
        <section key={id} className="panel" aria-labelledby={`panel-${id}`}>
          <h2 className="panel__title" id={`panel-${id}`}>
            {title}
          </h2>
          <Component />
        </section>
      ))}
    </aside>
  );
}
