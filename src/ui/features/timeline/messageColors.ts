/**
 * A stable colour per message type. The type name is hashed (FNV-1a) to one of a fixed
 * number of palette slots, and each slot is a CSS custom property (see timeline.css), so
 * the same type gets the same colour on every run, in every view, and the theme decides the
 * actual shade. Pure: no DOM here; canvas code resolves the variables through the DOM.
 */

export const MESSAGE_PALETTE_SIZE = 12;

/**
 * FNV-1a over UTF-16 code units, then the MurmurHash3 finalizer so names that differ in one
 * letter (Ping, Pong) spread over the slots. Collisions among a module's types are still
 * possible with 12 slots; the current modules' main types (Raft's four RPCs, Ping/Pong) land
 * on distinct slots, checked in messageColors.test.ts.
 */
export function hashTypeName(name: string): number {
  let hash = 0x811c9dc5;
  for (let position = 0; position < name.length; position++) {
    hash ^= name.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export function messagePaletteSlot(messageType: string): number {
  return hashTypeName(messageType) % MESSAGE_PALETTE_SIZE;
}

/** The CSS custom property that holds a palette slot's colour. */
export function messageColorVariable(slot: number): string {
  return `--faultline-message-color-${slot}`;
}

/** For SVG and HTML: a CSS colour value for a message type. */
export function messageColorCss(messageType: string): string {
  return `var(${messageColorVariable(messagePaletteSlot(messageType))})`;
}
