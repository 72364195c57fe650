/**
 * Hooks for the end-to-end tests, installed only in e2e builds (`vite --mode e2e`): they
 * let a test make the worker hang or crash to exercise the watchdog. In any other build
 * `import.meta.env.MODE === 'e2e'` is a constant false and this code is dropped.
 */
import type { LabController } from '../controller/labController';
import type { LabStore } from '../store/labStore';
import type { Action, Scenario } from '../../worker/api';

export interface FaultlineTestHooks {
  hangWorker(): void;
  crashWorker(): void;
  setCallTimeout(ms: number): void;
  workerGeneration(): number;
  /** Applies a perturbation as a click in the lab would (until the lab's fault controls exist). */
  apply(action: Action): Promise<void>;
  /** The scenario plus every perturbation on the current timeline, as the worker reports it (for replay oracles). */
  currentScenario(viewAtMs?: number): Promise<Scenario | null>;
}

declare global {
  interface Window {
    __faultlineTest?: FaultlineTestHooks;
  }
}

export function installTestHooks(controller: LabController, _store: LabStore): void {
  if (import.meta.env.MODE !== 'e2e') return;
  window.__faultlineTest = {
    hangWorker: () => void controller.debugWorker('hang'),
    crashWorker: () => void controller.debugWorker('crash'),
    setCallTimeout: (ms) => controller.setCallTimeout(ms),
    workerGeneration: () => controller.workerGeneration,
    apply: (action) => controller.apply(action),
    currentScenario: (viewAtMs) => controller.currentScenario(viewAtMs),
  };
}
