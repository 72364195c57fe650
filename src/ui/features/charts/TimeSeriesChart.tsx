/**
 * React binding for the time-series chart core: creates it once, feeds it props, destroys it
 * on unmount. Plain props, no store access.
 */
import { useEffect, useRef } from 'react';
import { createTimeSeriesChart, type ChartSeries, type TimeSeriesChart as ChartCore } from './timeSeriesChart';
import '../timeline/timeline.css';
import './charts.css';

export interface TimeSeriesChartProps {
  series: readonly ChartSeries[];
  currentTimeMs: number;
  /** Visible time range; default: 0 to the latest point or the current time. */
  domainMs?: readonly [number, number];
  unit?: string;
  /** Accessible title of the chart, also shown to sighted users as a caption. */
  title: string;
  height?: number;
  onSeek?: (timeMs: number) => void;
  className?: string;
}

export function TimeSeriesChart({ series, currentTimeMs, domainMs, unit, title, height = 160, onSeek, className }: TimeSeriesChartProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const coreRef = useRef<ChartCore | null>(null);
  const onSeekRef = useRef(onSeek);
  useEffect(() => {
    onSeekRef.current = onSeek;
  }, [onSeek]);

  useEffect(() => {
    const svg = svgRef.current;
    if (svg === null) return;
    const core = createTimeSeriesChart(svg, { onSeek: (timeMs) => onSeekRef.current?.(timeMs) });
    coreRef.current = core;
    return () => {
      core.destroy();
      coreRef.current = null;
    };
  }, []);

  const domainFrom = domainMs?.[0];
  const domainTo = domainMs?.[1];
  useEffect(() => {
    const domain = domainFrom === undefined || domainTo === undefined ? undefined : ([domainFrom, domainTo] as const);
    coreRef.current?.update({ series, currentTimeMs, domainMs: domain, unit });
  }, [series, currentTimeMs, domainFrom, domainTo, unit]);

  return (
    <figure className={['faultline-chart-figure', className].filter(Boolean).join(' ')} style={{ margin: 0 }}>
      <figcaption className="faultline-chart-figure__title">{title}</figcaption>
      <svg ref={svgRef} style={{ height }} />
    </figure>
  );
}
