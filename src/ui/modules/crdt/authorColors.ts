/**
 * A stable colour per replica id, for authorship in the text document and its legend.
 * "n3" is always palette entry 2, whatever else is in the run, so the same author keeps its
 * colour across scenarios and screenshots. The colours themselves are CSS variables
 * (crdt.css) with light and dark variants; ids without a number are hashed.
 */
export const AUTHOR_PALETTE_SIZE = 8;

export function authorColorIndex(replicaId: string): number {
  const numbered = /(\d+)$/.exec(replicaId);
  if (numbered !== null) return (Math.max(1, Number(numbered[1])) - 1) % AUTHOR_PALETTE_SIZE;
  let hash = 0;
  for (let index = 0; index < replicaId.length; index++) hash = (hash * 31 + replicaId.charCodeAt(index)) >>> 0;
  return hash % AUTHOR_PALETTE_SIZE;
}

export function authorClass(replicaId: string): string {
  return `crdt-author crdt-author--${authorColorIndex(replicaId)}`;
}
