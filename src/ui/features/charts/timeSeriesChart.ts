/**
 * A time-series chart over virtual time, framework-free:
 * `createTimeSeriesChart(svg, callbacks)` returns `{ update(data), destroy() }`; React
 * (TimeSeriesChart.tsx) is a thin binding. It draws module-supplied series (commit index,
 * messages per second, lag, ...), a current-time line that follows the scrubber, a readout of
 * every series at the hovered time, and seeks on click. It redraws on resize, and decimates
 * long series to the pixel width (seriesMath.ts).
 *
 * Every series name enters the DOM through textContent, never as markup.
 */
import { axisBottom, axisLeft, curveLinear, curveStepAfter, line, scaleLinear, select, type Selection } from 'd3';
import { decimate, valueAt, valueExtent, type SeriesPoint } from './seriesMath';
import { messageColorCss } from '../timeline/messageColors';

export interface ChartSeries {
  name: string;
  points: readonly SeriesPoint[];
  /** 'step' for counters that change at events (commit index), 'linear' for rates. */
  curve?: 'linear' | 'step';
  /** A CSS colour; default: a stable palette colour from the name. */
  color?: string;
}

export interface TimeSeriesChartData {
  series: readonly ChartSeries[];
  currentTimeMs: number;
  /** Visible time range; default: from 0 to the latest point or the current time. */
  domainMs?: readonly [number, number];
  /** Unit shown after values in the readout, for example "ms" or "msg/s". */
  unit?: string;
}

export interface TimeSeriesChartCallbacks {
  onSeek(timeMs: number): void;
}

export interface TimeSeriesChart {
  update(data: TimeSeriesChartData): void;
  destroy(): void;
}

const MARGIN = { top: 20, right: 12, bottom: 22, left: 44 };

export function createTimeSeriesChart(svgElement: SVGSVGElement, callbacks: TimeSeriesChartCallbacks): TimeSeriesChart {
  const svg = select(svgElement).classed('faultline-chart', true).attr('role', 'img');
  const xAxis = svg.append('g').attr('class', 'faultline-chart__axis');
  const yAxis = svg.append('g').attr('class', 'faultline-chart__axis');
  const lines = svg.append('g').attr('class', 'faultline-chart__lines');
  const now = svg.append('line').attr('class', 'faultline-chart__now');
  const hoverRule = svg.append('line').attr('class', 'faultline-chart__hover').attr('visibility', 'hidden');
  const readout = svg.append('text').attr('class', 'faultline-chart__readout').attr('x', MARGIN.left).attr('y', 13);
  const catcher = svg.append('rect').attr('class', 'faultline-chart__catcher');

  let data: TimeSeriesChartData | null = null;
  let width = 0;
  let height = 0;
  let hoverMs: number | null = null;
  let frame = 0;

  const domain = (): [number, number] => {
    if (data?.domainMs !== undefined) return [data.domainMs[0], Math.max(data.domainMs[0] + 1e-3, data.domainMs[1])];
    let latest = data?.currentTimeMs ?? 0;
    for (const series of data?.series ?? []) latest = Math.max(latest, series.points[series.points.length - 1]?.[0] ?? 0);
    return [0, Math.max(1, latest)];
  };
  const xScale = () => scaleLinear().domain(domain()).range([MARGIN.left, Math.max(MARGIN.left + 1, width - MARGIN.right)]);

  function draw(): void {
    if (data === null || width === 0 || height === 0) return;
    const x = xScale();
    const y = scaleLinear()
      .domain(valueExtent(data.series))
      .nice()
      .range([height - MARGIN.bottom, MARGIN.top]);
    svg.attr('viewBox', `0 0 ${width} ${height}`);
    xAxis.attr('transform', `translate(0, ${height - MARGIN.bottom})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickFormat((value) => `${Number(value)} ms`));
    yAxis.attr('transform', `translate(${MARGIN.left}, 0)`).call(axisLeft(y).ticks(Math.max(2, Math.floor(height / 40))));
    const [fromMs, toMs] = x.domain() as [number, number];
    const columns = Math.max(1, Math.floor(width - MARGIN.left - MARGIN.right));
    lines
      .selectAll<SVGPathElement, ChartSeries>('path')
      .data(data.series, (series) => series.name)
      .join('path')
      .attr('stroke', (series) => series.color ?? messageColorCss(series.name))
      .attr('d', (series) => {
        const path = line<SeriesPoint>()
          .x(([time]) => x(time))
          .y(([, value]) => y(value))
          .curve(series.curve === 'step' ? curveStepAfter : curveLinear);
        return path(decimate(series.points, fromMs, toMs, columns));
      });
    const nowX = x(data.currentTimeMs);
    now
      .attr('x1', nowX)
      .attr('x2', nowX)
      .attr('y1', MARGIN.top)
      .attr('y2', height - MARGIN.bottom)
      .attr('visibility', nowX >= MARGIN.left && nowX <= width - MARGIN.right ? 'visible' : 'hidden');
    catcher
      .attr('x', MARGIN.left)
      .attr('y', MARGIN.top)
      .attr('width', Math.max(0, width - MARGIN.left - MARGIN.right))
      .attr('height', Math.max(0, height - MARGIN.top - MARGIN.bottom));
    drawReadout(x);
  }

  /** The legend when idle; each series' value at the hovered time otherwise. */
  function drawReadout(x: ReturnType<typeof xScale>): void {
    if (data === null) return;
    const at = hoverMs;
    const unit = data.unit === undefined ? '' : ` ${data.unit}`;
    const entries = data.series.map((series) => {
      const value = valueAt(series.points, at ?? data!.currentTimeMs);
      return { series, text: at === null ? series.name : `${series.name} ${value === null ? '–' : `${formatValue(value)}${unit}`}` };
    });
    const head = at === null ? [] : [{ series: null, text: `${formatValue(at)} ms` }];
    renderReadout(readout, [...head, ...entries]);
    const hoverX = at === null ? 0 : x(at);
    hoverRule
      .attr('x1', hoverX)
      .attr('x2', hoverX)
      .attr('y1', MARGIN.top)
      .attr('y2', height - MARGIN.bottom)
      .attr('visibility', at === null ? 'hidden' : 'visible');
    const latest = data.series.map((series) => `${series.name} ${formatValue(valueAt(series.points, data!.currentTimeMs) ?? 0)}${unit}`);
    svg.attr('aria-label', `Chart at ${formatValue(data.currentTimeMs)} ms: ${latest.join(', ') || 'no series'}`);
  }

  function schedule(): void {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  }

  const pointerTime = (event: MouseEvent): number => {
    const bounds = svgElement.getBoundingClientRect();
    return Math.max(0, xScale().invert(event.clientX - bounds.left));
  };
  catcher
    .on('pointermove', (event: PointerEvent) => {
      hoverMs = pointerTime(event);
      schedule();
    })
    .on('pointerleave', () => {
      hoverMs = null;
      schedule();
    })
    .on('click', (event: MouseEvent) => callbacks.onSeek(pointerTime(event)));

  const resizeObserver = new ResizeObserver(() => {
    const bounds = svgElement.getBoundingClientRect();
    width = Math.floor(bounds.width);
    height = Math.floor(bounds.height);
    schedule();
  });
  resizeObserver.observe(svgElement);

  return {
    update(next) {
      data = next;
      schedule();
    },
    destroy() {
      cancelAnimationFrame(frame);
      resizeObserver.disconnect();
      catcher.on('pointermove', null).on('pointerleave', null).on('click', null);
      svg.selectAll('*').remove();
      svg.classed('faultline-chart', false).attr('role', null).attr('aria-label', null).attr('viewBox', null);
    },
  };
}

function renderReadout(text: Selection<SVGTextElement, unknown, null, undefined>, entries: { series: ChartSeries | null; text: string }[]): void {
  text
    .selectAll<SVGTSpanElement, (typeof entries)[number]>('tspan')
    .data(entries)
    .join('tspan')
    .attr('dx', (_, position) => (position === 0 ? 0 : 14))
    .attr('fill', (entry) => (entry.series === null ? null : (entry.series.color ?? messageColorCss(entry.series.name))))
    .text((entry) => entry.text);
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}
