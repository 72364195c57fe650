/**
 * The messages-in-flight overlay, framework-free: one SVG circle per message, kept in a map
 * by message id and updated in place each frame (attributes only), so hundreds of messages
 * cost hundreds of attribute writes, not a React reconciliation. Colours come from the
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

export function createMessageLayer(group: SVGGElement, onSelect: (messageId: number) => void): MessageLayer {
  const circles = new Map<number, SVGCircleElement>();

  const onClick = (event: MouseEvent): void => {
    const target = (event.target as Element | null)?.closest('[data-message-id]');
    if (target === null || target === undefined) return;
    event.stopPropagation();
    onSelect(Number(target.getAttribute('data-message-id')));
  };
  group.addEventListener('click', onClick);

  function circleFor(mark: MessageMark): SVGCircleElement {
    let circle = circles.get(mark.id);
    if (circle === undefined) {
      circle = document.createElementNS(SVG_NAMESPACE, 'circle');
      circle.setAttribute('data-message-id', String(mark.id));
      circle.setAttribute('data-testid', `message-${mark.id}`);
      circle.appendChild(document.createElementNS(SVG_NAMESPACE, 'title'));
      group.appendChild(circle);
      circles.set(mark.id, circle);
    }
    return circle;
  }

  return {
    draw(marks, selectedId, describe) {
      const seen = new Set<number>();
      for (const mark of marks) {
        seen.add(mark.id);
        const fresh = !circles.has(mark.id);
        const circle = circleFor(mark);
        const selected = mark.id === selectedId;
        circle.setAttribute('cx', mark.x.toFixed(1));
        circle.setAttribute('cy', mark.y.toFixed(1));
        circle.setAttribute('r', String(selected ? SELECTED_RADIUS : RADIUS));
        const className = `message-dot message-slot-${messagePaletteSlot(mark.type)} nopan${mark.held ? ' message-dot--held' : ''}${selected ? ' message-dot--selected' : ''}`;
        if (circle.getAttribute('class') !== className) circle.setAttribute('class', className);
        circle.setAttribute('data-held', String(mark.held));
        if (fresh || selected) (circle.firstChild as SVGTitleElement).textContent = describe(mark.id);
      }
      for (const [id, circle] of circles) {
        if (seen.has(id)) continue;
        circle.remove();
        circles.delete(id);
      }
      // The selected message is drawn last, so it sits on top of any it overlaps.
      const selected = selectedId === null ? undefined : circles.get(selectedId);
      if (selected !== undefined && selected !== group.lastChild) group.appendChild(selected);
    },
    dispose() {
      group.removeEventListener('click', onClick);
      for (const circle of circles.values()) circle.remove();
      circles.clear();
    },
  };
}
