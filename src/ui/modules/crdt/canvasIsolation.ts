/**
 * Event handlers for controls inside a node card. The canvas opens the node's fault menu on
 * a click and on Enter anywhere inside a node (TopologyCanvas); a click on "+1" or Enter in
 * a text field must act on the card instead, so those events stop at the control. Other
 * keys (shortcuts, Tab) travel on, except while typing in a field.
 */
import type { KeyboardEvent, MouseEvent } from 'react';

function isTextField(target: EventTarget): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

export const canvasIsolation = {
  onClick(event: MouseEvent): void {
    event.stopPropagation();
  },
  onDoubleClick(event: MouseEvent): void {
    event.stopPropagation();
  },
  onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' || event.key === ' ' || isTextField(event.target)) event.stopPropagation();
  },
};
