/**
 * The messages-in-flight layer while the run plays, framework-free: every dot painted on one
 * canvas over the flow, in flow coordinates mapped through React Flow's viewport. On the
 * 9-node benchmark (~240 messages, most of them new each frame) the SVG layer cost about a
 * thousand attribute writes and hundreds of created and removed elements per frame, each
 * followed by style, layout and paint; here a frame is one clear and a dozen filled paths.
 *
 * Paused, the canvas gives way to the SVG layer (messageLayer.ts), whose circles carry ids,
 * titles and the selection for inspection. Playing, a click is hit-tested against what was
 * last painted (`messageAt`). Dots look as the SVG ones do (topology.css): the same radii,
 * palette slots, white rim, dashed rim when held, focus rim when selected.
 *
 * The canvas covers only the box dots can reach (dotsBox.ts), placed over the flow at that
 * box: without a GPU every frame copies the whole canvas to the compositor, which then
 * redraws all of it.
 */
import { messagePaletteSlot } from '../timeline/messageColors';
import { cssColourResolver, messagePaletteColours } from '../timeline/cssColours';
import { EMPTY_BOX, sameBox, type CanvasBox, type FlowViewport } from './dotsBox';
import type { MessageMark } from './messagePositions';

export interface MessageCanvas {
  /** `box`: where over the flow the canvas goes, in the flow's CSS pixels (dotsBox). */
  draw(marks: readonly MessageMark[], selectedId: number | null, viewport: FlowViewport, box: CanvasBox): void;
  /** The topmost dot under a point given in the canvas's CSS pixels, or null. */
  messageAt(x: number, y: number): number | null;
  /** Reads the theme's colours again (after a theme change). */
  refreshColours(): void;
  dispose(): void;
}

/** Radii and rims in flow units, as topology.css and messageLayer.ts draw them. */
const RADIUS = 5;
const SELECTED_RADIUS = 7.5;
const RIM_WIDTH = 1.5;
const HELD_RIM_WIDTH = 2;
const SELECTED_RIM_WIDTH = 3;
/** A moving dot is hard to hit: clicks this many screen pixels off its rim still count. */
const HIT_SLACK_PX = 3;
/** How far a dot's paint reaches from its centre, in flow units (for dotsBox). */
export const DOT_REACH = SELECTED_RADIUS + SELECTED_RIM_WIDTH / 2;

interface Colours {
  slots: string[];
  rim: string;
  held: string;
  selected: string;
}

export function createMessageCanvas(canvas: HTMLCanvasElement, probe: HTMLElement): MessageCanvas {
  const context = canvas.getContext('2d');
  let colours = resolveColours(probe);
  let painted: { marks: readonly MessageMark[]; selectedId: number | null; viewport: FlowViewport; box: CanvasBox } = {
    marks: [],
    selectedId: null,
    viewport: { translateX: 0, translateY: 0, zoom: 1 },
    box: EMPTY_BOX,
  };
  let placed: CanvasBox | null = null;
  let ratio = 1;

  /** Moves and sizes the canvas only when the box changed (a pan, a zoom, a resize): a resize reallocates it. */
  function place(box: CanvasBox): void {
    const nextRatio = window.devicePixelRatio || 1;
    if (placed !== null && sameBox(placed, box) && nextRatio === ratio) return;
    placed = box;
    ratio = nextRatio;
    canvas.style.left = `${box.left}px`;
    canvas.style.top = `${box.top}px`;
    canvas.style.width = `${box.width}px`;
    canvas.style.height = `${box.height}px`;
    canvas.width = Math.round(box.width * ratio);
    canvas.height = Math.round(box.height * ratio);
  }

  return {
    draw(marks, selectedId, viewport, box) {
      painted = { marks, selectedId, viewport, box };
      if (context === null) return;
      place(box);
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      if (box.width === 0 || box.height === 0) return;
      context.setTransform(ratio * viewport.zoom, 0, 0, ratio * viewport.zoom, ratio * (viewport.translateX - box.left), ratio * (viewport.translateY - box.top));
      paintDots(context, marks, selectedId, colours);
    },
    messageAt(x, y) {
      const { marks, selectedId, viewport, box } = painted;
      const flowX = (x + box.left - viewport.translateX) / viewport.zoom;
      const flowY = (y + box.top - viewport.translateY) / viewport.zoom;
      const slack = HIT_SLACK_PX / viewport.zoom;
      // Last painted is on top: search from the end, the selected dot first of all.
      let found: number | null = null;
      for (let index = marks.length - 1; index >= 0 && found === null; index--) {
        const mark = marks[index] as MessageMark;
        const reach = (mark.id === selectedId ? SELECTED_RADIUS : RADIUS) + RIM_WIDTH / 2 + slack;
        if ((mark.x - flowX) ** 2 + (mark.y - flowY) ** 2 <= reach * reach) found = mark.id;
      }
      return found;
    },
    refreshColours() {
      colours = resolveColours(probe);
    },
    dispose() {
      context?.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}

/** One fill and one stroke per palette slot, then held rims, then the selected dot on top. */
function paintDots(context: CanvasRenderingContext2D, marks: readonly MessageMark[], selectedId: number | null, colours: Colours): void {
  const bySlot = new Map<number, MessageMark[]>();
  const held: MessageMark[] = [];
  let selected: MessageMark | null = null;
  for (const mark of marks) {
    if (mark.id === selectedId) {
      selected = mark;
      continue;
    }
    const slot = slotOf(mark.type);
    let batch = bySlot.get(slot);
    if (batch === undefined) bySlot.set(slot, (batch = []));
    batch.push(mark);
    if (mark.held) held.push(mark);
  }
  context.setLineDash([]);
  context.lineWidth = RIM_WIDTH;
  context.strokeStyle = colours.rim;
  for (const [slot, batch] of bySlot) {
    circles(context, batch, RADIUS);
    context.fillStyle = colours.slots[slot] as string;
    context.fill();
    context.stroke();
  }
  if (held.length > 0) {
    circles(context, held, RADIUS);
    context.lineWidth = HELD_RIM_WIDTH;
    context.strokeStyle = colours.held;
    context.setLineDash([2, 2]);
    context.stroke();
    context.setLineDash([]);
  }
  if (selected !== null) {
    circles(context, [selected], SELECTED_RADIUS);
    context.fillStyle = colours.slots[slotOf(selected.type)] as string;
    context.fill();
    context.lineWidth = SELECTED_RIM_WIDTH;
    context.strokeStyle = colours.selected;
    context.stroke();
  }
}

function circles(context: CanvasRenderingContext2D, marks: readonly MessageMark[], radius: number): void {
  context.beginPath();
  for (const mark of marks) {
    context.moveTo(mark.x + radius, mark.y);
    context.arc(mark.x, mark.y, radius, 0, 2 * Math.PI);
  }
}

/** Slots by type name: a handful of types, hundreds of dots a frame, so the hash is worth keeping. */
const slots = new Map<string, number>();

function slotOf(type: string): number {
  let slot = slots.get(type);
  if (slot === undefined) slots.set(type, (slot = messagePaletteSlot(type)));
  return slot;
}

/** The colours the layer draws with, from the theme (cssColours.ts). */
function resolveColours(probe: HTMLElement): Colours {
  const resolve = cssColourResolver(probe);
  return {
    slots: messagePaletteColours(resolve),
    rim: resolve('--surface-1', '#ffffff'),
    held: resolve('--link-held', '#2563eb'),
    selected: resolve('--focus', '#2563eb'),
  };
}
