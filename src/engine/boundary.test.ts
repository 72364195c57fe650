/**
 * The engine boundary (style.md §17, §21): the engine loads and runs with every UI and
 * worker library made unloadable, and its sources name no wall clock, real timer or npm
 * package. The lint rules and tsconfig.engine.json enforce the same at build time; this
 * test keeps the guarantee visible in the test run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

for (const name of ['react', 'react-dom', 'zustand', 'comlink', 'd3', 'mermaid', '@xyflow/react', 'zod', 'lz-string']) {
  vi.doMock(name, () => {
    throw new Error(`the engine imported ${name}`);
  });
}

function engineSources(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return engineSources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('engine boundary', () => {
  it('imports and runs a scenario with UI and worker libraries unavailable', async () => {
    const engine = await import('./index');
    const simulation = engine.createSimulation({ version: 1, module: 'ping', seed: 1, nodes: 3 });
    simulation.runUntil(500, false);
    expect(simulation.eventIndex).toBeGreaterThan(0);
  });

  it('has no wall clock, unseeded randomness, real timers or package imports in its sources', () => {
    const forbidden = /Math\.random|Date\.now|performance\.now|new Date\(|setTimeout|setInterval|from '(?!\.)/;
    const offenders = engineSources(__dirname).filter((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .some((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*') && forbidden.test(line)),
    );
    expect(offenders).toEqual([]);
  });
});
