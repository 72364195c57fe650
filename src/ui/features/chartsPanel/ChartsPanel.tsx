/**
 * Charts over virtual time: one module figure (chosen from ModuleView.chartSeries), the
 * messages sent, delivered and dropped per virtual second, and events per virtual second.
 * Every chart spans the run so far, shows the current time as a line that follows the
 * scrubber, and seeks on click.
 */
import { useCallback, useMemo, useState } from 'react';
import { useLab, useLabController } from '../../store/LabContext';
import { selectPlaying, selectTimeMs } from '../../store/selectors';
import { TimeSeriesChart } from '../charts';
import { useThrottledValue } from '../spacetime/useThrottledValue';
import { COUNTERS, moduleSeriesNames, rateSeries, valueSeries } from './chartHistory';
import './chartsPanel.css';

/** While playing, the charts redraw at most this often. */
const PLAYING_REFRESH_MS = 250;

export function ChartsPanel() {
  const controller = useLabController();
  const playing = useLab(selectPlaying);
  const liveSamples = useLab((state) => state.chartSamples);
  const samples = useThrottledValue(liveSamples, playing ? PLAYING_REFRESH_MS : 0);
  const currentTimeMs = useLab(selectTimeMs) ?? 0;
  const furthestTimeMs = useLab((state) => state.furthestTimeMs);
  const [chosen, setChosen] = useState<string | null>(null);

  const names = useMemo(() => moduleSeriesNames(samples), [samples]);
  const figure = chosen !== null && names.includes(chosen) ? chosen : (names[0] ?? null);
  const moduleChart = useMemo(() => (figure === null ? null : [valueSeries(samples, figure)]), [samples, figure]);
  const messageRates = useMemo(
    () => [
      rateSeries(samples, COUNTERS.sent, 'sent'),
      rateSeries(samples, COUNTERS.delivered, 'delivered'),
      rateSeries(samples, COUNTERS.dropped, 'dropped', 'var(--status-crashed)'),
    ],
    [samples],
  );
  const eventRate = useMemo(() => [rateSeries(samples, COUNTERS.events, 'events')], [samples]);
  const lastSampleMs = samples[samples.length - 1]?.timeMs ?? 0;
  const domain = useMemo(() => [0, Math.max(1, furthestTimeMs, lastSampleMs)] as const, [furthestTimeMs, lastSampleMs]);
  const onSeek = useCallback(
    (ms: number) => {
      controller.pause();
      void controller.seek(Math.round(Math.max(0, ms) * 1000) / 1000);
    },
    [controller],
  );

  return (
    <div className="charts-panel" data-testid="charts-panel" data-sample-count={samples.length}>
      {moduleChart !== null && figure !== null && (
        <div className="charts-panel__chart">
          <label className="charts-panel__picker">
            <span>Figure</span>
            <select data-testid="chart-figure" value={figure} onChange={(event) => setChosen(event.target.value)}>
              {names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <TimeSeriesChart title={figure} series={moduleChart} currentTimeMs={currentTimeMs} domainMs={domain} height={130} onSeek={onSeek} />
        </div>
      )}
      <div className="charts-panel__chart">
        <TimeSeriesChart title="Messages per virtual second" series={messageRates} currentTimeMs={currentTimeMs} domainMs={domain} unit="msg/s" height={130} onSeek={onSeek} />
      </div>
      <div className="charts-panel__chart">
        <TimeSeriesChart title="Events per virtual second" series={eventRate} currentTimeMs={currentTimeMs} domainMs={domain} unit="events/s" height={130} onSeek={onSeek} />
      </div>
    </div>
  );
}
