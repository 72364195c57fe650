/**
 * Which rows of an element are on screen: its box cut by the window and by every ancestor
 * that clips its overflow (the dock that scrolls it, a panel). The space-time diagram is
 * drawn one lane per node and is much taller than the dock it sits in (33 lanes against
 * five or six in view on the 9-node benchmark); painting only the rows on screen, plus a
 * margin, spares each refresh most of its arrows and most of the canvas to rasterize.
 */

/** A band of rows in the element's own CSS pixels, from `top` (inclusive) to `bottom`; empty when top ≥ bottom. */
export interface Rows {
  top: number;
  bottom: number;
}

export interface RowsOnScreen {
  rows: Rows;
  /** The ancestors that clip the element: a change of their size can bring rows into view. */
  clippers: HTMLElement[];
}

export function rowsOnScreen(element: HTMLElement): RowsOnScreen {
  const box = element.getBoundingClientRect();
  let top = Math.max(box.top, 0);
  let bottom = Math.min(box.bottom, window.innerHeight);
  const clippers: HTMLElement[] = [];
  for (let ancestor = element.parentElement; ancestor !== null; ancestor = ancestor.parentElement) {
    if (getComputedStyle(ancestor).overflowY === 'visible') continue;
    clippers.push(ancestor);
    const clip = ancestor.getBoundingClientRect();
    const clipTop = clip.top + ancestor.clientTop;
    top = Math.max(top, clipTop);
    bottom = Math.min(bottom, clipTop + ancestor.clientHeight);
  }
  return { rows: { top: top - box.top, bottom: bottom - box.top }, clippers };
}

export function isEmpty(rows: Rows): boolean {
  return rows.top >= rows.bottom;
}

/** Whether every row of `inner` lies within `outer` (an empty band lies within anything). */
export function covers(outer: Rows, inner: Rows): boolean {
  return isEmpty(inner) || (inner.top >= outer.top && inner.bottom <= outer.bottom);
}

/** `rows` grown by `margin` on both sides, kept within [0, height]; an empty band stays empty. */
export function widen(rows: Rows, margin: number, height: number): Rows {
  if (isEmpty(rows)) return rows;
  return { top: Math.max(0, rows.top - margin), bottom: Math.min(height, rows.bottom + margin) };
}

/** Whether a segment from y1 to y2 passes through the band. */
export function crosses(rows: Rows, y1: number, y2: number): boolean {
  return Math.min(y1, y2) <= rows.bottom && Math.max(y1, y2) >= rows.top;
}
