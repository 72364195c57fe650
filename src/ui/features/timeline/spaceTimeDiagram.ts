/**
 * The space-time diagram, framework-free: `createSpaceTimeDiagram(container, callbacks)`
 * returns `{ update(data), destroy() }`; React (SpaceTimeDiagram.tsx) is a thin binding.
 *
 * Layers, bottom to top: a canvas with lanes, arrows and marks (redrawn when the trace, the
 * window or the theme changes, at most once per animation frame); an SVG overlay with labels,
 * axis and the current-time line (moved on every scrubber change without touching the
 * canvas); a tooltip. d3-zoom on the overlay scales and pans the time axis only.
 *
 * The diagram is usually taller than what shows of it (one lane per node, in a dock that
 * scrolls), so the canvas paints only the rows on screen and a margin around them
 * (rowsOnScreen.ts), and paints again when scrolling or resizing brings other rows into view.
 *
 * The view is either the whole run (it grows as the run grows) or a fixed time window set by
 * zooming; while playing, a zoomed window pages forward when the current time runs off its
 * right edge, so the line stays in sight.
 */
import { scaleLinear, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3';
import { DIAGRAM_MARGINS, diagramHeight, laneCenterY, nearestHit, type ArrowGeometryContext, type HitIndex } from './diagramGeometry';
import { paintDiagram, resolveTheme, type DiagramTheme, type PaintResult } from './diagramPainter';
import { createOverlay, describeArrow, describeCell, describeMark, formatMilliseconds } from './diagramOverlay';
import { covers, rowsOnScreen, widen, type Rows } from './rowsOnScreen';
import type { Diagram, DiagramArrow } from './traceToDiagram';
import { selectVisible, type TimeWindow, type VisibleSelection } from './visibleWindow';

export interface SpaceTimeDiagramData {
  diagram: Diagram;
  currentTimeMs: number;
  selectedMessageId: number | null;
  showTimers: boolean;
  /**
   * Where the whole-run view starts, in virtual ms (default 0). When the trace is a suffix
   * of the run (the UI keeps a window), starting at its first event keeps the window from
   * being squeezed into the right edge of an axis that is mostly empty.
   */
  startTimeMs?: number;
}

export interface SpaceTimeDiagramCallbacks {
  onSelectMessage(messageId: number): void;
  onSeek(timeMs: number): void;
}

export interface SpaceTimeDiagramOptions {
  /** Above this many visible messages, arrows are aggregated (level of detail). */
  maxArrows?: number;
  maxMarks?: number;
}

export interface SpaceTimeDiagram {
  update(data: SpaceTimeDiagramData): void;
  destroy(): void;
}

/** The narrowest window one can zoom to, in microseconds. */
const MINIMUM_SPAN_US = 50;
const PIXELS_PER_BUCKET = 6;
/** Rows painted beyond those on screen, above and below, so that a short scroll needs no repaint. */
const ROW_MARGIN_PX = 120;

export function createSpaceTimeDiagram(container: HTMLElement, callbacks: SpaceTimeDiagramCallbacks, options: SpaceTimeDiagramOptions = {}): SpaceTimeDiagram {
  const maxArrows = options.maxArrows ?? 5_000;
  const maxMarks = options.maxMarks ?? 3_000;
  container.classList.add('faultline-timeline');
  const canvas = document.createElement('canvas');
  canvas.className = 'faultline-timeline__canvas';
  canvas.setAttribute('aria-hidden', 'true');
  container.append(canvas);
  const overlay = createOverlay(container);
  const tooltip = document.createElement('div');
  tooltip.className = 'faultline-timeline__tooltip';
  tooltip.setAttribute('aria-hidden', 'true');
  const status = document.createElement('div');
  status.className = 'faultline-timeline__status';
  const probe = document.createElement('span');
  probe.className = 'faultline-timeline__probe';
  container.append(tooltip, status, probe);

  let data: SpaceTimeDiagramData | null = null;
  let width = Math.max(200, container.clientWidth);
  let height = diagramHeight(1);
  let view: TimeWindow | null = null;
  let transform: ZoomTransform = zoomIdentity;
  let theme: DiagramTheme | null = null;
  let painted: PaintResult | null = null;
  let selection: VisibleSelection | null = null;
  let frame = 0;
  let canvasDirty = true;
  /** The rows the canvas holds a picture of (on screen when painted, plus the margin). */
  let paintedRows: Rows = { top: 0, bottom: 0 };

  const plotLeft = (): number => DIAGRAM_MARGINS.left;
  const plotRight = (): number => width - DIAGRAM_MARGINS.right;
  const startUs = (): number => Math.max(0, (data?.startTimeMs ?? 0) * 1000);
  const extentUs = (): number => Math.max(startUs() + 1_000, data === null ? 0 : Math.max(data.diagram.endTimeUs, data.currentTimeMs * 1000));
  const baseScale = () => scaleLinear().domain([startUs(), extentUs()]).range([plotLeft(), plotRight()]);
  const visibleScale = () => transform.rescaleX(baseScale());

  const zoomBehavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      transform = event.transform;
      const [fromUs, toUs] = visibleScale().domain() as [number, number];
      view = transform.k <= 1.000_001 ? null : { fromUs, toUs };
      canvasDirty = true;
      schedule();
    });
  overlay.svg.call(zoomBehavior).on('dblclick.zoom', null);

  function configureZoom(): void {
    const span = Math.max(1, plotRight() - plotLeft());
    zoomBehavior
      .extent([
        [plotLeft(), 0],
        [plotRight(), height],
      ])
      .translateExtent([
        [plotLeft(), 0],
        [plotRight(), height],
      ])
      .scaleExtent([1, Math.max(1, (extentUs() - startUs()) / MINIMUM_SPAN_US)]);
    if (span <= 0) return;
    const wanted = transformFor(view);
    if (wanted.k !== transform.k || wanted.x !== transform.x) overlay.svg.call(zoomBehavior.transform, wanted);
  }

  /** The zoom transform that shows `window` on the current base scale. */
  function transformFor(window: TimeWindow | null): ZoomTransform {
    if (window === null) return zoomIdentity;
    const base = baseScale();
    const k = Math.max(1, (plotRight() - plotLeft()) / Math.max(1e-9, base(window.toUs) - base(window.fromUs)));
    return zoomIdentity.translate(plotLeft() - k * base(window.fromUs), 0).scale(k);
  }

  function schedule(): void {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  }

  function draw(): void {
    if (data === null) return;
    const x = visibleScale();
    const lanes = data.diagram.lanes;
    overlay.render({ width, height, lanes, x, currentTimeUs: data.currentTimeMs * 1000, traceEndUs: data.diagram.endTimeUs });
    describeForScreenReaders(x.domain() as [number, number]);
    if (!canvasDirty) return;
    canvasDirty = false;
    paintCanvas(x);
  }

  function paintCanvas(x: ReturnType<typeof visibleScale>): void {
    if (data === null) return;
    const context = canvas.getContext('2d');
    if (context === null) return;
    theme ??= resolveTheme(probe);
    const [fromUs, toUs] = x.domain() as [number, number];
    selection = selectVisible(data.diagram, { fromUs, toUs }, {
      maxArrows,
      // Aggregated cells are long overlapping lines: fewer of them rasterize much faster and
      // read no worse than more.
      maxCells: Math.min(maxArrows, 1_500),
      maxMarks,
      bucketCount: (plotRight() - plotLeft()) / PIXELS_PER_BUCKET,
      hiddenMarkKinds: data.showTimers ? [] : ['timer'],
    });
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    paintedRows = widen(watchRowsOnScreen(), ROW_MARGIN_PX, height);
    const geometry: ArrowGeometryContext = { x, laneY: (lane) => laneCenterY(lane), nowUs: data.diagram.endTimeUs, typicalLatencyUs: data.diagram.typicalLatencyUs };
    painted = paintDiagram(context, {
      selection,
      geometry,
      theme,
      laneCount: data.diagram.lanes.length,
      plotLeft: plotLeft(),
      plotRight: plotRight(),
      rows: paintedRows,
      selectedMessageId: data.selectedMessageId,
    });
    status.textContent = statusText(selection);
  }

  /** The rows on screen now; the ancestors that clip them are watched for size changes. */
  function watchRowsOnScreen(): Rows {
    const { rows, clippers } = rowsOnScreen(container);
    for (const clipper of clippers) clipObserver.observe(clipper);
    return rows;
  }

  /** After a scroll or a resize around the diagram: paint again if rows came into view that the canvas does not hold. */
  function revealRows(): void {
    if (canvasDirty || data === null) return;
    if (covers(paintedRows, rowsOnScreen(container).rows)) return;
    canvasDirty = true;
    schedule();
  }

  function statusText(current: VisibleSelection): string {
    const parts: string[] = [];
    if (current.messages.mode === 'aggregate') parts.push(`${current.messages.messageCount.toLocaleString('en')} messages grouped; zoom in to see each arrow`);
    if (current.hiddenMarkCount > 0 && data?.showTimers) parts.push(`${current.hiddenMarkCount.toLocaleString('en')} marks hidden`);
    return parts.join(' · ');
  }

  function describeForScreenReaders([fromUs, toUs]: [number, number]): void {
    if (data === null) return;
    const { lanes, arrows } = data.diagram;
    overlay.svg.attr(
      'aria-label',
      `Space-time diagram: ${lanes.length} nodes, ${arrows.length} messages, showing ${formatMilliseconds(fromUs / 1000)} to ${formatMilliseconds(toUs / 1000)}. ` +
        'Left and right arrows pan, plus and minus zoom, 0 shows the whole run.',
    );
  }

  function resize(): void {
    const laneCount = data?.diagram.lanes.length ?? 1;
    const nextWidth = Math.max(200, Math.floor(container.clientWidth));
    const nextHeight = diagramHeight(laneCount);
    if (nextWidth === width && nextHeight === height && canvas.width > 0) return;
    width = nextWidth;
    height = nextHeight;
    container.style.height = `${height}px`;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    configureZoom();
    canvasDirty = true;
    schedule();
  }

  const pointer = createPointerHandling();

  function createPointerHandling() {
    type Hit = { kind: 'arrow'; arrow: DiagramArrow } | { kind: 'mark'; position: number } | { kind: 'cell'; position: number } | null;
    const hitAt = (px: number, py: number): Hit => {
      if (painted === null || selection === null || data === null) return null;
      const arrowId = nearestHit(painted.arrowHits, px, py, 5);
      if (arrowId !== null) {
        const arrow = findArrow(selection, arrowId);
        if (arrow !== undefined) return { kind: 'arrow', arrow };
      }
      const mark = nearestHit(painted.markHits, px, py, 7);
      if (mark !== null) return { kind: 'mark', position: mark };
      const cell = nearestHit(painted.cellHits as HitIndex, px, py, 4);
      return cell === null ? null : { kind: 'cell', position: cell };
    };
    const describe = (hit: Hit): string | null => {
      if (hit === null || data === null || selection === null) return null;
      const lanes = data.diagram.lanes;
      if (hit.kind === 'arrow') return describeArrow(hit.arrow, lanes);
      if (hit.kind === 'mark') return describeMark(selection.marks[hit.position]!, lanes);
      const messages = selection.messages;
      return messages.mode === 'aggregate' ? describeCell(messages.cells[hit.position]!, lanes) : null;
    };
    const localPoint = (event: MouseEvent): [number, number] => {
      const bounds = container.getBoundingClientRect();
      return [event.clientX - bounds.left, event.clientY - bounds.top];
    };
    return {
      move(event: PointerEvent): void {
        const [px, py] = localPoint(event);
        const text = describe(hitAt(px, py));
        overlay.svg.classed('faultline-timeline__overlay--over-item', text !== null);
        if (text === null) {
          tooltip.style.visibility = 'hidden';
          return;
        }
        tooltip.textContent = text;
        tooltip.style.visibility = 'visible';
        const left = Math.min(px + 12, width - tooltip.offsetWidth - 4);
        tooltip.style.transform = `translate(${Math.max(0, left)}px, ${py + 14}px)`;
      },
      leave(): void {
        tooltip.style.visibility = 'hidden';
      },
      click(event: MouseEvent): void {
        if (event.defaultPrevented || data === null) return;
        const [px, py] = localPoint(event);
        const hit = hitAt(px, py);
        if (hit?.kind === 'arrow') return callbacks.onSelectMessage(hit.arrow.messageId);
        if (hit?.kind === 'mark') return callbacks.onSeek(selection!.marks[hit.position]!.timeUs / 1000);
        if (hit?.kind === 'cell' && selection?.messages.mode === 'aggregate') return zoomToCell(selection.messages.cells[hit.position]!);
        if (px < plotLeft() || px > plotRight()) return;
        callbacks.onSeek(Math.max(0, visibleScale().invert(px) / 1000));
      },
    };
  }

  function zoomToCell(cell: { bucketStartUs: number; bucketEndUs: number }): void {
    const width = cell.bucketEndUs - cell.bucketStartUs;
    view = { fromUs: Math.max(0, cell.bucketStartUs - width * 2), toUs: cell.bucketEndUs + width * 2 };
    overlay.svg.call(zoomBehavior.transform, transformFor(view));
  }

  function onKey(event: KeyboardEvent): void {
    const span = plotRight() - plotLeft();
    const actions: Record<string, () => void> = {
      ArrowLeft: () => overlay.svg.call(zoomBehavior.translateBy, (span * 0.1) / transform.k, 0),
      ArrowRight: () => overlay.svg.call(zoomBehavior.translateBy, (-span * 0.1) / transform.k, 0),
      '+': () => overlay.svg.call(zoomBehavior.scaleBy, 1.5),
      '=': () => overlay.svg.call(zoomBehavior.scaleBy, 1.5),
      '-': () => overlay.svg.call(zoomBehavior.scaleBy, 1 / 1.5),
      '0': () => overlay.svg.call(zoomBehavior.transform, zoomIdentity),
    };
    const action = actions[event.key];
    if (action === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  }

  /** While playing forward, keep the current-time line inside a zoomed window. */
  function followCurrentTime(previousMs: number, nextMs: number): void {
    if (view === null || nextMs <= previousMs) return;
    const previousUs = previousMs * 1000;
    const nextUs = nextMs * 1000;
    const wasVisible = previousUs >= view.fromUs && previousUs <= view.toUs;
    if (!wasVisible || nextUs <= view.toUs) return;
    const span = view.toUs - view.fromUs;
    view = { fromUs: nextUs - span * 0.1, toUs: nextUs + span * 0.9 };
  }

  const invalidateTheme = (): void => {
    theme = null;
    canvasDirty = true;
    schedule();
  };
  const themeObserver = new MutationObserver(invalidateTheme);
  for (const element of [document.documentElement, document.body]) {
    themeObserver.observe(element, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
  }
  const colorScheme = window.matchMedia('(prefers-color-scheme: dark)');
  colorScheme.addEventListener('change', invalidateTheme);
  const resizeObserver = new ResizeObserver(resize);
  resizeObserver.observe(container);
  const clipObserver = new ResizeObserver(revealRows);
  // Scroll events do not bubble; caught on the way down, they come from any scrolling ancestor.
  window.addEventListener('scroll', revealRows, { capture: true, passive: true });
  const onMove = (event: PointerEvent): void => pointer.move(event);
  const onLeave = (): void => pointer.leave();
  const onClick = (event: MouseEvent): void => pointer.click(event);
  const svgElement = overlay.svg.node() as SVGSVGElement;
  svgElement.addEventListener('pointermove', onMove);
  svgElement.addEventListener('pointerleave', onLeave);
  svgElement.addEventListener('click', onClick);
  svgElement.addEventListener('keydown', onKey);

  return {
    update(next) {
      const previous = data;
      data = next;
      if (previous !== null) followCurrentTime(previous.currentTimeMs, next.currentTimeMs);
      const extentChanged =
        previous === null || previous.diagram.endTimeUs !== next.diagram.endTimeUs || previous.currentTimeMs !== next.currentTimeMs || previous.startTimeMs !== next.startTimeMs;
      if (previous === null || previous.diagram !== next.diagram || previous.selectedMessageId !== next.selectedMessageId || previous.showTimers !== next.showTimers) {
        canvasDirty = true;
      }
      if (previous === null || previous.diagram.lanes.length !== next.diagram.lanes.length) resize();
      if (extentChanged) {
        configureZoom();
        canvasDirty ||= previous === null || previous.startTimeMs !== next.startTimeMs || extentUs() !== Math.max(startUs() + 1_000, previous.diagram.endTimeUs, previous.currentTimeMs * 1000);
      }
      schedule();
    },
    destroy() {
      cancelAnimationFrame(frame);
      resizeObserver.disconnect();
      clipObserver.disconnect();
      window.removeEventListener('scroll', revealRows, { capture: true });
      themeObserver.disconnect();
      colorScheme.removeEventListener('change', invalidateTheme);
      overlay.svg.on('.zoom', null);
      svgElement.removeEventListener('pointermove', onMove);
      svgElement.removeEventListener('pointerleave', onLeave);
      svgElement.removeEventListener('click', onClick);
      svgElement.removeEventListener('keydown', onKey);
      canvas.remove();
      svgElement.remove();
      tooltip.remove();
      status.remove();
      probe.remove();
      container.classList.remove('faultline-timeline');
      container.style.height = '';
    },
  };
}

function findArrow(selection: VisibleSelection, messageId: number): DiagramArrow | undefined {
  const arrows = selection.messages.mode === 'arrows' ? selection.messages.arrows : selection.messages.drops;
  return arrows.find((arrow) => arrow.messageId === messageId);
}
