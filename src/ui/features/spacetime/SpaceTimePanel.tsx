/**
 * The space-time diagram panel: mounts the timeline core with the store's trace window
 * (extended backwards on request), lanes from the frame, the current time from the run,
 * and the shared message selection. While playing, the trace and the time line are passed
 * on twice a second (the core remaps and repaints the whole trace on each new one); when paused
 * they follow at once. Clicking an arrow selects its message; clicking elsewhere seeks.
 *
 * The panel reads the trace, the time and the event count through one throttled
 * subscription (useLabThrottled), so while playing it renders twice a second, not on every frame.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLab, useLabController } from '../../store/LabContext';
import type { LabState } from '../../store/labStore';
import { selectPlaying } from '../../store/selectors';
import { useLabThrottled } from '../../store/useLabThrottled';
import type { TraceEvent } from '../../../worker/api';
import { SpaceTimeDiagram } from '../timeline';
import { joinTrace, olderChunkRange, stillJoins } from './traceWindow';
import './spacetime.css';

/**
 * While playing, the diagram gets a new trace at most this often. Each refresh remaps and
 * repaints thousands of arrows on the main thread (without a GPU the canvas is rasterized
 * there too): about a frame's budget on the 9-node benchmark. Twice a second keeps such
 * frames under the 5% that the 95th-percentile frame time can absorb.
 */
const PLAYING_REFRESH_MS = 500;

/** What the diagram draws from the run: taken together, so one refresh shows one moment. */
interface DiagramInput {
  recent: readonly TraceEvent[];
  currentTimeMs: number;
  traceCount: number;
}

function selectDiagramInput(state: LabState): DiagramInput {
  return { recent: state.trace, currentTimeMs: state.frame?.timeMs ?? 0, traceCount: state.frame?.traceCount ?? 0 };
}

function sameDiagramInput(previous: DiagramInput, next: DiagramInput): boolean {
  return previous.recent === next.recent && previous.currentTimeMs === next.currentTimeMs && previous.traceCount === next.traceCount;
}

export function SpaceTimePanel() {
  const controller = useLabController();
  const playing = useLab(selectPlaying);
  const nodesKey = useLab((state) => state.frame?.nodes.map((node) => node.id).join('\u0000') ?? '');
  const selectedMessageId = useLab((state) => state.selectedMessageId);
  const [showTimers, setShowTimers] = useState(false);
  const [older, setOlder] = useState<readonly TraceEvent[] | null>(null);
  const [loading, setLoading] = useState(false);

  const { recent, currentTimeMs, traceCount } = useLabThrottled(selectDiagramInput, sameDiagramInput, playing ? PLAYING_REFRESH_MS : 0);
  // Older events that no longer join the window (it slid on, or the run was rewound) are
  // forgotten; so are they when playback starts, so playing remaps only the recent window.
  useEffect(() => {
    if (older !== null && (playing || !stillJoins(older, recent))) setOlder(null);
  }, [older, recent, playing]);
  const trace = useMemo(() => joinTrace(older, recent), [older, recent]);
  const nodes = useMemo(() => (nodesKey === '' ? [] : nodesKey.split('\u0000')), [nodesKey]);
  const first = trace[0];
  const startTimeMs = first === undefined || first.index === 0 ? 0 : first.time / 1000;
  const olderRange = playing ? null : olderChunkRange(trace);
  // Number formatting is slow; the text changes with the throttled trace only.
  const rangeText = useMemo(() => describeRange(trace, traceCount), [trace, traceCount]);

  const loadOlder = async (): Promise<void> => {
    if (olderRange === null) return;
    setLoading(true);
    const fetched = await controller.traceWindow(olderRange.fromIndex, olderRange.toIndex);
    setLoading(false);
    if (fetched === null || fetched.length === 0) return;
    setOlder((previous) => [...fetched, ...(previous ?? [])]);
  };

  const onSelectMessage = useCallback((messageId: number) => controller.selectMessage(messageId), [controller]);
  const onSeek = useCallback(
    (ms: number) => {
      controller.pause();
      void controller.seek(Math.round(ms * 1000) / 1000);
    },
    [controller],
  );

  return (
    <div className="spacetime" data-testid="spacetime-panel">
      <div className="spacetime__bar">
        <span className="spacetime__range" data-testid="spacetime-range">
          {rangeText}
        </span>
        {olderRange !== null && (
          <button type="button" className="button button--compact" data-testid="spacetime-older" disabled={loading} onClick={() => void loadOlder()}>
            {loading ? 'Loading…' : `Earlier ${(olderRange.toIndex - olderRange.fromIndex).toLocaleString('en')} events`}
          </button>
        )}
        <label className="spacetime__toggle">
          <input type="checkbox" data-testid="spacetime-timers" checked={showTimers} onChange={(event) => setShowTimers(event.target.checked)} /> Timers
        </label>
      </div>
      <SpaceTimeDiagram
        className="spacetime__diagram"
        trace={trace}
        nodes={nodes}
        currentTimeMs={currentTimeMs}
        startTimeMs={startTimeMs}
        selectedMessageId={selectedMessageId}
        showTimers={showTimers}
        onSelectMessage={onSelectMessage}
        onSeek={onSeek}
      />
    </div>
  );
}

function describeRange(trace: readonly TraceEvent[], traceCount: number): string {
  const first = trace[0];
  const last = trace[trace.length - 1];
  if (first === undefined || last === undefined) return 'No events yet';
  const total = traceCount.toLocaleString('en');
  if (first.index === 0 && last.index + 1 >= traceCount) return `All ${total} trace events`;
  return `Trace events ${(first.index + 1).toLocaleString('en')}–${(last.index + 1).toLocaleString('en')} of ${total}`;
}
