import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../../scenario/index';
import { exampleHash, groupByModule, parseGalleryIndex } from './galleryIndex';

const SCENARIOS = resolve(import.meta.dirname, '../../../../public/scenarios');
const INDEX_FILE = 'index.json';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(resolve(SCENARIOS, file), 'utf8'));
}

describe('public/scenarios/index.json', () => {
  const raw = readJson(INDEX_FILE) as { scenarios: unknown[] };
  const entries = parseGalleryIndex(raw);
  const files = readdirSync(SCENARIOS)
    .filter((file) => file.endsWith('.json') && file !== INDEX_FILE)
    .map((file) => file.slice(0, -'.json'.length))
    .sort();

  it('lists every example file exactly once, and nothing else', () => {
    expect(entries).toHaveLength(raw.scenarios.length);
    expect(entries.map((entry) => entry.name).sort()).toEqual(files);
  });

  it.each(files)('the entry for %s repeats the file’s module, title and description, and the file is valid', (name) => {
    const text = readFileSync(resolve(SCENARIOS, `${name}.json`), 'utf8');
    const parsed = parseScenarioJson(text);
    expect(parsed.ok, JSON.stringify(parsed.ok ? null : parsed.errors)).toBe(true);
    if (!parsed.ok) return;
    const entry = entries.find((candidate) => candidate.name === name);
    expect(entry).toEqual({ name, module: parsed.scenario.module, title: parsed.scenario.title, description: parsed.scenario.description });
  });
});

describe('parseGalleryIndex', () => {
  it('leaves out malformed entries and names that are not example names', () => {
    const entries = parseGalleryIndex({
      scenarios: [
        { name: 'ok-one', module: 'ping', title: 'One', description: 'd' },
        { name: '../../etc/passwd', module: 'ping', title: 'Escape', description: 'd' },
        { name: 'no-title', module: 'ping', description: 'd' },
        null,
        { name: 'ok-two', module: 'raft', title: 'Two', description: 'd' },
      ],
    });
    expect(entries.map((entry) => entry.name)).toEqual(['ok-one', 'ok-two']);
    expect(parseGalleryIndex('not an index')).toEqual([]);
    expect(parseGalleryIndex({ scenarios: 'nope' })).toEqual([]);
  });

  it('groups by module in order of first appearance and links by name', () => {
    const groups = groupByModule([
      { name: 'a', module: 'raft', title: 'A', description: '' },
      { name: 'b', module: 'ping', title: 'B', description: '' },
      { name: 'c', module: 'raft', title: 'C', description: '' },
    ]);
    expect(groups.map((group) => [group.module, group.entries.map((entry) => entry.name)])).toEqual([
      ['raft', ['a', 'c']],
      ['ping', ['b']],
    ]);
    expect(exampleHash('raft-basic')).toBe('#scenario=raft-basic');
  });
});
