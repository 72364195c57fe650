/**
 * Opening a file the user picked or dropped. A scenario opens as a new run (through the
 * address, like every run); a trace file opens its embedded scenario at the exported time,
 * keeps its events for the read-only views, and says whether the replay reproduces the
 * file's trace hash. A broken file opens the problem panel; the current run stays in the
 * worker until the user chooses the default scenario or goes back to it.
 */
import { useCallback } from 'react';
import type { LabController } from '../../controller/labController';
import { useLabController, useLabStore } from '../../store/LabContext';
import type { LabStore } from '../../store/labStore';
import type { Frame } from '../../../worker/api';
import { MAXIMUM_IMPORT_BYTES, readImportedFile } from './importFile';

/** A replay of a long trace may take a while; past this the check is simply not reported. */
const REPLAY_CHECK_TIMEOUT_MS = 60_000;

export function useImporter(): (file: File) => Promise<void> {
  const controller = useLabController();
  const store = useLabStore();
  return useCallback((file: File) => importFile(file, controller, store), [controller, store]);
}

async function importFile(file: File, controller: LabController, store: LabStore): Promise<void> {
  let text = '';
  if (file.size <= MAXIMUM_IMPORT_BYTES) {
    try {
      text = await file.text();
    } catch (error) {
      controller.reportProblems({ title: `The file '${file.name}' cannot be read`, errors: [{ field: '(file)', problem: String(error) }] });
      return;
    }
  }
  const outcome = readImportedFile(file.name, file.size, text);
  switch (outcome.kind) {
    case 'problems':
      controller.reportProblems(outcome.report);
      return;
    case 'scenario':
      controller.openScenario(outcome.scenario);
      controller.announce('info', `Opened the scenario from '${file.name}'.`);
      return;
    case 'trace': {
      const openedBefore = store.getState().openedScenario;
      controller.showImportedTrace(outcome.view);
      controller.openScenario(outcome.scenario, outcome.atMs);
      const frame = await runShownAt(store, outcome.atMs, openedBefore);
      if (frame === null || outcome.view.traceHash === null) return;
      if (frame.traceHash === outcome.view.traceHash) {
        controller.announce('info', `Opened the trace from '${file.name}': the replay reproduces its trace hash ${frame.traceHash}. Its events are in Export.`);
      } else {
        controller.announce('warning', `The trace in '${file.name}' has hash ${outcome.view.traceHash}, but replaying its scenario gives ${frame.traceHash}. The file's own events are shown read-only in Export.`);
      }
    }
  }
}

/** Resolves with the first frame of a newly opened run at `atMs`, or null if none comes in time. */
function runShownAt(store: LabStore, atMs: number, openedBefore: unknown): Promise<Frame | null> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => finish(null), REPLAY_CHECK_TIMEOUT_MS);
    const unsubscribe = store.subscribe((state) => {
      if (state.openedScenario !== openedBefore && state.status === 'ready' && state.frame !== null && state.frame.timeMs === atMs) finish(state.frame);
      else if (state.status === 'failed') finish(null);
    });
    function finish(frame: Frame | null): void {
      window.clearTimeout(timer);
      unsubscribe();
      resolve(frame);
    }
  });
}
