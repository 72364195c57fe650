/**
 * Theme colours for canvas drawing. A canvas cannot read `var(...)` or `light-dark(...)`, so
 * each colour is resolved through a hidden probe element's computed style. Shared by the
 * space-time diagram and the playing message layer.
 */
import { MESSAGE_PALETTE_SIZE, messageColorVariable } from './messageColors';

export type ColourResolver = (variable: string, fallback: string) => string;

/** A resolver reading CSS custom properties through `probe` (an element in the themed tree). */
export function cssColourResolver(probe: HTMLElement): ColourResolver {
  // The reduced-motion rule gives every element a 0.01 ms transition; on the probe that made
  // getComputedStyle answer the previous colour, and every arrow came out one colour.
  probe.style.setProperty('transition', 'none', 'important');
  return (variable, fallback) => {
    probe.style.color = fallback;
    probe.style.color = `var(${variable}, ${fallback})`;
    return getComputedStyle(probe).color || fallback;
  };
}

/** The message palette, slot by slot. */
export function messagePaletteColours(resolve: ColourResolver): string[] {
  return Array.from({ length: MESSAGE_PALETTE_SIZE }, (_, slot) => resolve(messageColorVariable(slot), '#2563eb'));
}
