/**
 * The RGA document as characters with their authors, for the text card. The engine ships
 * the payload (nodes sorted by id, each anchored after another); the document order is the
 * engine's own documentOrder (a pure function of the payload: no simulation work).
 */
import { documentOrder, type RgaNode, type RgaPayload } from '../../../engine/protocols/crdt/types/rga';

export type { RgaNode, RgaPayload };

export interface AuthoredCharacter {
  id: string;
  character: string;
  author: string;
}

function isRgaPayload(payload: unknown): payload is RgaPayload {
  return payload !== null && typeof payload === 'object' && Array.isArray((payload as Partial<RgaPayload>).nodes);
}

/** Every node (tombstones included) in document order; nothing for a payload that is not RGA's. */
export function documentNodes(payload: unknown): RgaNode[] {
  return isRgaPayload(payload) ? documentOrder(payload) : [];
}

/**
 * The visible characters with their authors. Returns null when they do not spell `value`
 * (a payload this reader does not understand), so the card falls back to plain text rather
 * than show a document the replica does not have.
 */
export function authoredText(payload: unknown, value: unknown): AuthoredCharacter[] | null {
  const characters = documentNodes(payload)
    .filter((node) => node.removedBy === null)
    .map((node) => ({ id: node.id, character: node.character, author: node.author }));
  const spelled = characters.map((entry) => entry.character).join('');
  return typeof value === 'string' && spelled === value ? characters : null;
}

/** Consecutive characters by the same author, joined: fewer elements to draw, same colours. */
export function authorRuns(characters: readonly AuthoredCharacter[]): Array<{ author: string; text: string; start: number }> {
  const runs: Array<{ author: string; text: string; start: number }> = [];
  characters.forEach((entry, index) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.author === entry.author) last.text += entry.character;
    else runs.push({ author: entry.author, text: entry.character, start: index });
  });
  return runs;
}

/** Authors in order of first appearance in the document. */
export function authorsOf(characters: readonly AuthoredCharacter[]): string[] {
  return [...new Set(characters.map((entry) => entry.author))];
}
