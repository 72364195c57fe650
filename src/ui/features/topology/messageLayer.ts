/**
 * The messages-in-flight overlay, framework-free: one SVG circle per message, kept in a map
 * by message id and updated in place (only the attributes that changed), so hundreds of
 * messages cost at most hundreds of attribute writes, not a React reconciliation. Colours come from the
 * shared palette (messageColors.ts) through CSS classes, so the theme decides the shade.
 */
import { messagePaletteSlot } from '../timeline/messageColors';
import type { MessageMark } from './messagePositions';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const RADIUS = 5;
const SELECTED_RADIUS = 7.5;

export interface MessageLayer {
  draw(marks: readonly MessageMark[], selectedId: number | null, describe: (id: number) => string): void;
  dispose(): void;
}

/** What was last written to a circle, so a redraw writes only what changed (each write is a DOM mutation and a style invalidation). */
interface Written {
  x: string;
  y: string;
  radius: number;
  className: string;
  /** Null until first written. */
  held: boolean | null;
}

export function createMessageLayer(group: SVGGElement, onSelect: (messageId: number) => void): MessageLayer {
  const circles = new Map<number, SVGCircleElement>();
  const written = new Map<SVGCircleElement, Written>();

  const onClick = (event: MouseEvent): void => {
    const target = (event.target as Element | null)?.closest('[data-message-id]');
    if (target === null || target === undefined) return;
    event.stopPropagation();
    onSelect(Number(target.getAttribute('data-message-id')));
  };
  group.addEventListener('click', onClick);

  /**
   * The circle for message `id`: its own, else one whose message left (a seek or a step
   * replaces most messages at once, and re-labelling a circle is far cheaper for the browser
   * than removing one and creating another), else a new one.
   */
  function circleFor(id: number, unused: SVGCircleElement[]): { circle: SVGCircleElement; relabelled: boolean } {
    const own = circles.get(id);
    if (own !== undefined) return { circle: own, relabelled: false };
    const circle = unused.pop() ?? createCircle();
    circle.setAttribute('data-message-id', String(id));
    circle.setAttribute('data-testid', `message-${id}`);
    circles.set(id, circle);
    return { circle, relabelled: true };
  }

  function createCircle(): SVGCircleElement {
    const circle = document.createElementNS(SVG_NAMESPACE, 'circle');
    circle.appendChild(document.createElementNS(SVG_NAMESPACE, 'title'));
    group.appendChild(circle);
    written.set(circle, { x: '', y: '', radius: 0, className: '', held: null });
    return circle;
  }

  /** Takes the circles of messages no longer in `marks` out of the map, to be relabelled or removed. */
  function releaseDeparted(marks: readonly MessageMark[]): SVGCircleElement[] {
    const present = new Set<number>();
    for (const mark of marks) present.add(mark.id);
    const unused: SVGCircleElement[] = [];
    for (const [id, circle] of circles) {
      if (present.has(id)) continue;
      circles.delete(id);
      unused.push(circle);
    }
    return unused;
  }

  function write(circle: SVGCircleElement, mark: MessageMark, selected: boolean): void {
    const last = written.get(circle) as Written;
    const x = mark.x.toFixed(1);
    const y = mark.y.toFixed(1);
    const radius = selected ? SELECTED_RADIUS : RADIUS;
    const className = `message-dot message-slot-${messagePaletteSlot(mark.type)} nopan${mark.held ? ' message-dot--held' : ''}${selected ? ' message-dot--selected' : ''}`;
    if (last.x !== x) circle.setAttribute('cx', (last.x = x));
    if (last.y !== y) circle.setAttribute('cy', (last.y = y));
    if (last.radius !== radius) circle.setAttribute('r', String((last.radius = radius)));
    if (last.className !== className) circle.setAttribute('class', (last.className = className));
    if (last.held !== mark.held) circle.setAttribute('data-held', String((last.held = mark.held)));
  }

  return {
    draw(marks, selectedId, describe) {
      const unused = releaseDeparted(marks);
      for (const mark of marks) {
        const { circle, relabelled } = circleFor(mark.id, unused);
        const selected = mark.id === selectedId;
        write(circle, mark, selected);
        // The title names the message: written when the circle takes a message, and for the selected one (its state may change).
        if (relabelled || selected) (circle.firstChild as SVGTitleElement).textContent = describe(mark.id);
      }
      for (const circle of unused) {
        circle.remove();
        written.delete(circle);
      }
      // The selected message is drawn last, so it sits on top of any it overlaps.
      const selected = selectedId === null ? undefined : circles.get(selectedId);
      if (selected !== undefined && selected !== group.lastChild) group.appendChild(selected);
    },
    dispose() {
      group.removeEventListener('click', onClick);
      for (const circle of circles.values()) circle.remove();
      circles.clear();
      written.clear();
    },
  };
}
