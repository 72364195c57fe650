/**
 * The example gallery's catalogue: public/scenarios/index.json lists every example with its
 * module, title and description, so the gallery shows them without fetching each file. The
 * file is served like any other public asset and treated as untrusted: entries that are not
 * well-formed, or whose name could reach anything but an example, are left out.
 */
import { exampleScenarioUrl } from '../../../scenario/index';

export interface GalleryEntry {
  name: string;
  module: string;
  title: string;
  description: string;
}

export interface GalleryGroup {
  module: string;
  entries: GalleryEntry[];
}

export const GALLERY_INDEX_PATH = 'scenarios/index.json';

/** The well-formed entries of an index document, in file order. */
export function parseGalleryIndex(document: unknown): GalleryEntry[] {
  if (document === null || typeof document !== 'object') return [];
  const scenarios = (document as { scenarios?: unknown }).scenarios;
  if (!Array.isArray(scenarios)) return [];
  return scenarios.filter(isEntry).filter((entry) => exampleScenarioUrl(entry.name) !== null);
}

/** Entries grouped by module, modules in order of first appearance. */
export function groupByModule(entries: readonly GalleryEntry[]): GalleryGroup[] {
  const groups = new Map<string, GalleryEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.module) ?? [];
    group.push(entry);
    groups.set(entry.module, group);
  }
  return [...groups].map(([module, grouped]) => ({ module, entries: grouped }));
}

/** The address that opens an example: the lab's own route for examples. */
export function exampleHash(name: string): string {
  return `#scenario=${name}`;
}

function isEntry(value: unknown): value is GalleryEntry {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return ['name', 'module', 'title', 'description'].every((field) => typeof entry[field] === 'string');
}
