/**
 * The module's own charts, recorded from the frames as the run plays: distinct states across
 * the replicas per sync mode (1 means converged) and bytes on the wire per sync mode (the
 * naive store's too when it runs). Independent of the shared charts panel, so issue 5's
 * "chart of bytes on the wire per sync mode" is always there. Clicking a chart seeks.
 */
import { useMemo, useState } from 'react';
import { TimeSeriesChart, type ChartSeries } from '../../features/charts';
import { useLab, useLabController } from '../../store/LabContext';
import { SeriesRecorder } from './seriesRecorder';
import { readConvergence } from './summaryModel';
import './crdt.css';

/** Fixed colours per mode (SVG stroke attributes cannot read CSS variables); mid-tones readable on both themes. */
export const MODE_COLORS: Record<string, string> = { state: '#3b82f6', delta: '#e8853a', op: '#22a06b', naive: '#c04bd6' };

const STATES = 'states:';
const BYTES = 'bytes:';

export function SyncChartsPanel() {
  const frame = useLab((state) => state.frame);
  const controller = useLabController();
  const [recorder] = useState(() => new SeriesRecorder());
  const series = useMemo(() => {
    const view = frame === null ? null : readConvergence(frame.summary);
    if (frame === null || view === null) return { states: [], bytes: [] };
    const figures: Record<string, number> = {};
    for (const mode of view.modes) {
      figures[`${STATES}${mode.mode}`] = mode.distinctValues;
      figures[`${BYTES}${mode.mode}`] = mode.bytesSent / 1000;
    }
    if (view.naive !== null) {
      figures[`${STATES}naive`] = view.naive.distinctValues;
      figures[`${BYTES}naive`] = view.naive.bytesSent / 1000;
    }
    // A run back at its very start (a new scenario, or a seek to 0) starts the charts afresh.
    if (frame.eventIndex === 0 && frame.timeMs === 0) recorder.clear();
    // Idempotent for a repeated frame, so a second render of the same frame changes nothing.
    recorder.record(frame.timeMs, figures);
    const pick = (prefix: string, curve: ChartSeries['curve']): ChartSeries[] =>
      recorder
        .names()
        .filter((name) => name.startsWith(prefix))
        .map((name) => {
          const mode = name.slice(prefix.length);
          return { name: mode, points: [...recorder.points(name)], curve, color: MODE_COLORS[mode] };
        });
    return { states: pick(STATES, 'step'), bytes: pick(BYTES, 'linear') };
  }, [frame, recorder]);
  if (frame === null || series.bytes.length === 0) return <p className="muted">No CRDT run is open.</p>;
  const seek = (timeMs: number) => void controller.seek(Math.round(timeMs));
  return (
    <div className="crdt-charts" data-testid="crdt-charts">
      <div className="crdt-charts__chart" data-testid="crdt-chart-states">
        <TimeSeriesChart title="Distinct states across replicas (1 = converged)" series={series.states} currentTimeMs={frame.timeMs} height={150} onSeek={seek} />
      </div>
      <div className="crdt-charts__chart" data-testid="crdt-chart-bytes">
        <TimeSeriesChart title="Bytes on the wire per sync mode" unit="kB" series={series.bytes} currentTimeMs={frame.timeMs} height={150} onSeek={seek} />
      </div>
    </div>
  );
}
