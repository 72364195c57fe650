import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../engine/index';
import { parseScenario } from '../../../scenario/index';
import type { Scenario } from '../../../worker/api';
import { readImportedFile } from '../importer/importFile';
import { defaultDiagramWindow, exportFileName, historyExport, traceCoversWindow, traceExport, validWindow } from './exportDocuments';

const PING: Scenario = { version: 1, module: 'ping', seed: 3, nodes: 3, workload: { clients: 1, requestIntervalMs: 200 }, schedule: [{ at: 400, type: 'crash', node: 'n2' }] };

function runTo(ms: number) {
  const parsed = parseScenario(PING);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const simulation = createSimulation(parsed.scenario);
  simulation.runUntil(ms, false);
  simulation.apply({ type: 'cut', from: 'n1', to: 'n3', at: ms });
  return simulation;
}

describe('trace export', () => {
  it('round-trips through the importer: the same scenario (with perturbations), time, hash and events', () => {
    const simulation = runTo(750);
    const exported = traceExport(
      { scenario: simulation.currentScenario(750), atMs: 750, traceHash: simulation.traceHash(), eventIndex: simulation.eventIndex, traceCount: simulation.trace().length },
      simulation.trace(),
    );
    expect(exported.scenario.viewAtMs).toBeUndefined();
    expect(exported.scenario.schedule?.map((action) => action.type)).toEqual(['crash', 'cut']);
    const outcome = readImportedFile('run.json', 10, JSON.stringify(exported));
    expect(outcome.kind).toBe('trace');
    if (outcome.kind !== 'trace') return;
    expect(outcome.atMs).toBe(750);
    expect(outcome.view.traceHash).toBe(simulation.traceHash());
    expect(outcome.view.trace).toEqual(simulation.trace());
    expect(outcome.view.nodes).toEqual(expect.arrayContaining(['n1', 'n2', 'n3', 'c1']));
    // Replaying the embedded scenario to atMs gives the exported hash.
    const replay = createSimulation(outcome.scenario);
    replay.runUntil(750, false);
    expect(replay.traceHash()).toBe(exported.traceHash);
  });

  it('names files safely and defaults the diagram to the last second', () => {
    expect(exportFileName('raft', 'trace', 1500.25)).toBe('faultline-raft-trace-at-1500_25ms.json');
    expect(exportFileName('../evil', 'history', 0)).toBe('faultline-evil-history-at-0ms.json');
    expect(defaultDiagramWindow(2500)).toEqual({ fromMs: 1500, toMs: 2500 });
    expect(defaultDiagramWindow(300)).toEqual({ fromMs: 0, toMs: 300 });
  });

  it('knows when the kept window covers a diagram window, and refuses reversed windows', () => {
    const simulation = runTo(2000);
    const all = simulation.trace();
    const lateHalf = all.slice(Math.floor(all.length / 2));
    expect(traceCoversWindow(all, 0)).toBe(true);
    expect(traceCoversWindow(lateHalf, 0)).toBe(false);
    expect(traceCoversWindow(lateHalf, 1999)).toBe(true);
    expect(validWindow(10, 5)).not.toBeNull();
    expect(validWindow(-1, 5)).not.toBeNull();
    expect(validWindow(0, 1000)).toBeNull();
  });

  it('wraps the client history with its module and time', () => {
    const simulation = runTo(1000);
    const exported = historyExport('ping', 1000, simulation.history());
    expect(exported.history.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });
});
