/**
 * Export: the trace as JSON (the recent window the lab holds, or everything the engine still
 * keeps), a chosen time window as a Mermaid sequence diagram (Mermaid itself is fetched only
 * when this panel first renders a diagram), and the client history as JSON. An imported
 * trace file can be drawn here too, read-only.
 */
import { useCallback, useEffect, useState } from 'react';
import { MermaidExport } from '../export/MermaidExport';
import { useLab, useLabController, useLabStore } from '../../store/LabContext';
import type { Frame, TraceEvent } from '../../../worker/api';
import { defaultDiagramWindow, exportFileName, historyExport, traceCoversWindow, traceExport, validWindow } from './exportDocuments';
import { downloadJson } from './download';
import './exportPanel.css';

type Busy = null | 'trace' | 'full-trace' | 'history';

export function ExportPanel() {
  const hasRun = useLab((state) => state.frame !== null);
  return (
    <div className="export-panel" data-testid="export-panel">
      {hasRun ? <RunDownloads /> : <p className="export-panel__note">Open a scenario to export its run.</p>}
      <DiagramSection />
    </div>
  );
}

function RunDownloads() {
  const controller = useLabController();
  const store = useLabStore();
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = (kind: Exclude<Busy, null>, work: (frame: Frame) => Promise<boolean>) => async () => {
    const frame = store.getState().frame;
    if (frame === null) return;
    setBusy(kind);
    setFailure(null);
    try {
      if (!(await work(frame))) setFailure('The simulation did not answer; try again.');
    } finally {
      setBusy(null);
    }
  };

  const exportTrace = (full: boolean) =>
    run(full ? 'full-trace' : 'trace', async (frame) => {
      // The window the lab holds belongs to this frame; read it before any await.
      const recent = store.getState().trace;
      const scenario = await controller.currentScenario(frame.timeMs);
      const trace = full ? await controller.traceWindow(0, frame.traceCount) : recent;
      if (scenario === null || trace === null) return false;
      const point = { scenario, atMs: frame.timeMs, traceHash: frame.traceHash, eventIndex: frame.eventIndex, traceCount: frame.traceCount };
      downloadJson(exportFileName(frame.module, full ? 'full-trace' : 'trace', frame.timeMs), traceExport(point, trace));
      return true;
    });

  const exportHistory = run('history', async (frame) => {
    const history = await controller.history();
    if (history === null) return false;
    downloadJson(exportFileName(frame.module, 'history', frame.timeMs), historyExport(frame.module, frame.timeMs, history));
    return true;
  });

  return (
    <section className="export-panel__section" aria-labelledby="export-json-title">
      <h3 id="export-json-title" className="export-panel__heading">
        Files
      </h3>
      <p className="export-panel__note">Trace files carry the scenario with every perturbation and the trace hash, so Import replays them.</p>
      <div className="export-panel__buttons">
        <button type="button" className="button" data-testid="export-trace" disabled={busy !== null} onClick={() => void exportTrace(false)()}>
          Trace (recent window)
        </button>
        <button type="button" className="button" data-testid="export-full-trace" disabled={busy !== null} onClick={() => void exportTrace(true)()}>
          Trace (everything kept)
        </button>
        <button type="button" className="button" data-testid="export-history" disabled={busy !== null} onClick={() => void exportHistory()}>
          Client history
        </button>
      </div>
      <p className="export-panel__status" role="status" aria-live="polite">
        {busy !== null ? 'Preparing the file…' : (failure ?? '')}
      </p>
    </section>
  );
}

type Source = 'run' | 'imported';

function DiagramSection() {
  const imported = useLab((state) => state.importedTrace);
  const hasRun = useLab((state) => state.frame !== null);
  const [source, setSource] = useState<Source>(hasRun ? 'run' : 'imported');
  const chosen: Source = source === 'imported' && imported !== null ? 'imported' : 'run';
  if (chosen === 'run' && !hasRun) return null;
  return (
    <section className="export-panel__section" aria-labelledby="export-diagram-title">
      <h3 id="export-diagram-title" className="export-panel__heading">
        Sequence diagram
      </h3>
      {imported !== null && (
        <label className="export-panel__field">
          <span>Events from</span>
          <select data-testid="diagram-source" value={chosen} onChange={(event) => setSource(event.target.value as Source)}>
            <option value="run">this run</option>
            <option value="imported">the imported file ‘{imported.fileName}’ (read-only)</option>
          </select>
        </label>
      )}
      {chosen === 'imported' && imported !== null ? (
        <DiagramWindow key={`imported-${imported.fileName}-${imported.atMs}`} atMs={imported.atMs} nodes={imported.nodes} trace={imported.trace} fetchKept={null} />
      ) : (
        <RunDiagram />
      )}
    </section>
  );
}

function RunDiagram() {
  const controller = useLabController();
  const store = useLabStore();
  // Fixed when the panel opens (the run is paused while exporting), so the window does not slide.
  const [frame] = useState(() => store.getState().frame);
  const [trace] = useState(() => store.getState().trace);
  const fetchKept = useCallback(() => controller.traceWindow(0, frame?.traceCount ?? 0), [controller, frame]);
  if (frame === null) return null;
  return <DiagramWindow atMs={frame.timeMs} nodes={frame.nodes.map((node) => node.id)} trace={trace} fetchKept={fetchKept} />;
}

interface DiagramWindowProps {
  atMs: number;
  nodes: readonly string[];
  /** Contiguous events, oldest first. */
  trace: readonly TraceEvent[];
  /** Fetches every event the engine keeps, for windows older than `trace` reaches; null when `trace` is all there is. */
  fetchKept: (() => Promise<TraceEvent[] | null>) | null;
}

function DiagramWindow({ atMs, nodes, trace, fetchKept }: DiagramWindowProps) {
  const initial = defaultDiagramWindow(atMs);
  const [fromText, setFromText] = useState(String(initial.fromMs));
  const [toText, setToText] = useState(String(initial.toMs));
  const [kept, setKept] = useState<readonly TraceEvent[] | null>(null);
  const fromMs = Number(fromText);
  const toMs = Number(toText);
  const problem = fromText.trim() === '' || toText.trim() === '' ? 'Both times must be numbers.' : validWindow(fromMs, toMs);
  const needsKept = problem === null && fetchKept !== null && kept === null && !traceCoversWindow(trace, fromMs);

  useEffect(() => {
    if (!needsKept || fetchKept === null) return;
    let current = true;
    void fetchKept().then((events) => current && events !== null && setKept(events));
    return () => {
      current = false;
    };
  }, [needsKept, fetchKept]);

  const events = kept ?? trace;
  return (
    <div className="export-panel__diagram">
      <div className="export-panel__window">
        <label className="export-panel__field">
          <span>From (ms)</span>
          <input type="number" min={0} step="any" data-testid="diagram-from" value={fromText} onChange={(event) => setFromText(event.target.value)} aria-invalid={problem !== null} />
        </label>
        <label className="export-panel__field">
          <span>To (ms)</span>
          <input type="number" min={0} step="any" data-testid="diagram-to" value={toText} onChange={(event) => setToText(event.target.value)} aria-invalid={problem !== null} />
        </label>
      </div>
      {problem !== null ? (
        <p className="export-panel__problem" role="alert" data-testid="diagram-window-problem">
          {problem}
        </p>
      ) : needsKept ? (
        <p className="export-panel__note">Fetching older events…</p>
      ) : (
        <MermaidExport trace={events} nodes={nodes} fromMs={fromMs} toMs={toMs} className="export-panel__mermaid" />
      )}
    </div>
  );
}
