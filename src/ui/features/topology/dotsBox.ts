/**
 * The part of the flow that messages in flight can be drawn in, in the flow wrapper's CSS
 * pixels: the box around every node, grown by how far a dot reaches past a lane, mapped
 * through React Flow's viewport and cut to the wrapper.
 *
 * Every dot lies on a lane, and every lane runs between two cards, so no dot leaves this
 * box. The playing canvas covers only it: without a GPU, each frame copies the whole canvas
 * to the compositor and redraws everything under it, and on the 9-node benchmark the box is
 * well under half of the flow's area. It changes only when the view pans or zooms or a node
 * moves, so the canvas is not resized from frame to frame.
 */
import type { NodeRect } from './laneGeometry';
import { LANE_OFFSET } from './laneGeometry';

/** React Flow's viewport: flow point (x, y) is drawn at (x * zoom + translateX, y * zoom + translateY). */
export interface FlowViewport {
  translateX: number;
  translateY: number;
  zoom: number;
}

/** A rectangle in whole CSS pixels; empty when width or height is 0. */
export interface CanvasBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const EMPTY_BOX: CanvasBox = { left: 0, top: 0, width: 0, height: 0 };

/**
 * `reach`: how far (flow units) a dot's paint extends from the lane it sits on, that is the
 * lanes' offset from the centre line is added here. One pixel more covers antialiasing.
 */
export function dotsBox(rects: Iterable<NodeRect>, viewport: FlowViewport, area: { width: number; height: number }, reach: number): CanvasBox {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const rect of rects) {
    left = Math.min(left, rect.x);
    top = Math.min(top, rect.y);
    right = Math.max(right, rect.x + rect.width);
    bottom = Math.max(bottom, rect.y + rect.height);
  }
  if (left > right) return EMPTY_BOX;
  const margin = LANE_OFFSET + reach;
  const screenLeft = Math.max(0, Math.floor((left - margin) * viewport.zoom + viewport.translateX) - 1);
  const screenTop = Math.max(0, Math.floor((top - margin) * viewport.zoom + viewport.translateY) - 1);
  const screenRight = Math.min(area.width, Math.ceil((right + margin) * viewport.zoom + viewport.translateX) + 1);
  const screenBottom = Math.min(area.height, Math.ceil((bottom + margin) * viewport.zoom + viewport.translateY) + 1);
  if (screenRight <= screenLeft || screenBottom <= screenTop) return EMPTY_BOX;
  return { left: screenLeft, top: screenTop, width: screenRight - screenLeft, height: screenBottom - screenTop };
}

export function sameBox(left: CanvasBox, right: CanvasBox): boolean {
  return left.left === right.left && left.top === right.top && left.width === right.width && left.height === right.height;
}
