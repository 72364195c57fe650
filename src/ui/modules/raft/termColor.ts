/**
 * A stable colour per term, so the same term looks the same on every card, in the log
 * matrix and in the inspector. Terms take colours from a fixed palette in an order that
 * puts very different hues next to each other (consecutive terms are the ones compared
 * most); the palette leaves out red and green, which mean crashed and up everywhere else in
 * the lab. After eight terms the palette repeats; the term number is always printed too.
 * Term 0 (no election yet) is grey. The views set CSS variables and the stylesheet mixes them
 * with the theme's surfaces, so the colours follow the light and dark themes.
 */
import type { CSSProperties } from 'react';

/** [hue, saturation %, lightness %] for terms 1, 2, 3, … (repeating). */
const PALETTE: ReadonlyArray<readonly [number, number, number]> = [
  [215, 65, 46], // blue
  [32, 80, 40], // amber
  [275, 55, 52], // purple
  [178, 70, 32], // teal
  [330, 65, 46], // magenta
  [65, 60, 32], // olive
  [245, 50, 50], // indigo
  [195, 85, 36], // cerulean
];

export interface TermColour {
  hue: number;
  saturation: number;
  lightness: number;
}

/** The colour of a term, or null for term 0. */
export function termColour(term: number): TermColour | null {
  if (!(term > 0)) return null;
  const [hue, saturation, lightness] = PALETTE[(term - 1) % PALETTE.length] as readonly [number, number, number];
  return { hue, saturation, lightness };
}

/** Inline style carrying the term's colour for the stylesheet (`--term-color` is derived from it). */
export function termStyle(term: number): CSSProperties {
  const colour = termColour(term) ?? { hue: 220, saturation: 8, lightness: 50 };
  return { '--term-hue': colour.hue, '--term-saturation': `${colour.saturation}%`, '--term-lightness': `${colour.lightness}%` } as CSSProperties;
}
