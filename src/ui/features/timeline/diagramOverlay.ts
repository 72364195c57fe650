/**
 * The SVG layer above the canvas: lane labels, the time axis, the current-time line, the
 * shade over the part of the trace after the current time, and the tooltip text. These are
 * few elements, so SVG (crisp text, CSS styling) costs nothing here, unlike the arrows.
 *
 * Every string from the trace goes in through textContent, never as markup.
 */
import { axisBottom, scaleLinear, select, type ScaleLinear, type Selection } from 'd3';
import { DIAGRAM_MARGINS, laneCenterY } from './diagramGeometry';
import type { DiagramArrow, DiagramMark } from './traceToDiagram';
import type { AggregateCell } from './visibleWindow';

export interface Overlay {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  render(state: OverlayState): void;
}

export interface OverlayState {
  width: number;
  height: number;
  lanes: readonly string[];
  /** Microseconds to pixels for the visible window. */
  x: ScaleLinear<number, number>;
  currentTimeUs: number;
  traceEndUs: number;
}

const LABEL_CHARACTERS = 8;

export function createOverlay(container: HTMLElement): Overlay {
  const svg = select(container)
    .append('svg')
    .attr('class', 'faultline-timeline__overlay')
    .attr('tabindex', 0)
    .attr('role', 'group')
    .attr('aria-roledescription', 'space-time diagram');
  const future = svg.append('rect').attr('class', 'faultline-timeline__future');
  const labels = svg.append('g').attr('class', 'faultline-timeline__labels');
  const axis = svg.append('g').attr('class', 'faultline-timeline__axis');
  const now = svg.append('line').attr('class', 'faultline-timeline__now');
  // Labels are rewritten only when the lanes change: writing the same attributes and text
  // still costs style, layout and paint for every label on each refresh of a playing run.
  let labelled: readonly string[] = [];
  let sized = '';
  return {
    svg,
    render(state) {
      const viewBox = `0 0 ${state.width} ${state.height}`;
      if (viewBox !== sized) svg.attr('width', state.width).attr('height', state.height).attr('viewBox', viewBox);
      sized = viewBox;
      if (!sameLanes(labelled, state.lanes)) {
        renderLabels(labels, state.lanes);
        labelled = [...state.lanes];
      }
      renderAxis(axis, state);
      const plotRight = state.width - DIAGRAM_MARGINS.right;
      const nowX = state.x(state.currentTimeUs);
      const visible = nowX >= DIAGRAM_MARGINS.left && nowX <= plotRight;
      now
        .attr('x1', nowX)
        .attr('x2', nowX)
        .attr('y1', DIAGRAM_MARGINS.top - 4)
        .attr('y2', state.height - DIAGRAM_MARGINS.bottom)
        .attr('visibility', visible ? 'visible' : 'hidden');
      const shadeStart = Math.max(DIAGRAM_MARGINS.left, Math.min(plotRight, nowX));
      const shadeEnd = Math.min(plotRight, state.x(state.traceEndUs));
      future
        .attr('x', shadeStart)
        .attr('y', DIAGRAM_MARGINS.top)
        .attr('width', Math.max(0, shadeEnd - shadeStart))
        .attr('height', Math.max(0, state.height - DIAGRAM_MARGINS.top - DIAGRAM_MARGINS.bottom));
    },
  };
}

function sameLanes(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((lane, position) => lane === right[position]);
}

function renderLabels(group: Selection<SVGGElement, unknown, null, undefined>, lanes: readonly string[]): void {
  group
    .selectAll<SVGTextElement, string>('text')
    .data(lanes)
    .join((enter) => enter.append('text').call((text) => text.append('title')))
    .attr('x', DIAGRAM_MARGINS.left - 8)
    .attr('y', (_, lane) => laneCenterY(lane))
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .each(function (node) {
      const label = node.length > LABEL_CHARACTERS ? `${node.slice(0, LABEL_CHARACTERS - 1)}…` : node;
      // The <title> child gives the full id on hover; set text without touching it.
      if (this.firstChild?.nodeType === Node.TEXT_NODE) this.firstChild.textContent = label;
      else this.insertBefore(document.createTextNode(label), this.firstChild);
      const title = this.querySelector('title');
      if (title !== null) title.textContent = node;
    });
}

function renderAxis(group: Selection<SVGGElement, unknown, null, undefined>, state: OverlayState): void {
  const [fromUs, toUs] = state.x.domain() as [number, number];
  const milliseconds = scaleLinear().domain([fromUs / 1000, toUs / 1000]).range(state.x.range());
  const tickCount = Math.max(2, Math.floor((state.width - DIAGRAM_MARGINS.left - DIAGRAM_MARGINS.right) / 90));
  group.attr('transform', `translate(0, ${state.height - DIAGRAM_MARGINS.bottom})`).call(
    axisBottom(milliseconds)
      .ticks(tickCount)
      .tickFormat((value) => formatTick(Number(value), toUs / 1000)),
  );
}

/** One unit for every tick of an axis, chosen by its far end, so labels do not switch units midway. */
function formatTick(milliseconds: number, axisEndMs: number): string {
  return axisEndMs >= 10_000 ? `${trimNumber(milliseconds / 1000)} s` : `${trimNumber(milliseconds)} ms`;
}

/** "1.5 ms", "250 ms", "12.4 s": short labels for an axis that may span microseconds to minutes. */
export function formatMilliseconds(milliseconds: number): string {
  if (Math.abs(milliseconds) >= 10_000) return `${trimNumber(milliseconds / 1000)} s`;
  return `${trimNumber(milliseconds)} ms`;
}

function trimNumber(value: number): string {
  return String(Number(value.toFixed(3)));
}

export function describeArrow(arrow: DiagramArrow, lanes: readonly string[]): string {
  const from = lanes[arrow.fromLane] ?? '?';
  const to = lanes[arrow.toLane] ?? '?';
  const sent = formatMilliseconds(arrow.startTimeUs / 1000);
  const copy = arrow.copyOf === null ? '' : ` (copy of #${arrow.copyOf})`;
  const head = `${arrow.messageType} #${arrow.messageId}${copy}: ${from} → ${to}, sent ${sent}`;
  if (arrow.outcome === 'delivered' && arrow.endTimeUs !== null) return `${head}, delivered ${formatMilliseconds(arrow.endTimeUs / 1000)}`;
  if (arrow.outcome === 'dropped' && arrow.endTimeUs !== null) return `${head}, dropped ${formatMilliseconds(arrow.endTimeUs / 1000)} (${arrow.dropReason ?? 'dropped'})`;
  return `${head}, in flight`;
}

export function describeMark(mark: DiagramMark, lanes: readonly string[]): string {
  const where = mark.lane < 0 ? 'all nodes' : (lanes[mark.lane] ?? '?');
  return `${mark.kind} at ${where}, ${formatMilliseconds(mark.timeUs / 1000)}: ${mark.detail}`;
}

export function describeCell(cell: AggregateCell, lanes: readonly string[]): string {
  const dropped = cell.droppedCount > 0 ? `, ${cell.droppedCount} dropped` : '';
  const span = `${formatMilliseconds(cell.bucketStartUs / 1000)}–${formatMilliseconds(cell.bucketEndUs / 1000)}`;
  return `${cell.count} messages ${lanes[cell.fromLane] ?? '?'} → ${lanes[cell.toLane] ?? '?'} (mostly ${cell.dominantType}${dropped}), ${span}. Click to zoom in.`;
}
