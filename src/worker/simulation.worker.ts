/**
 * The simulation worker: exposes one SimulationSession with comlink and nothing else
 * (style.md §8). All simulation work happens here, never on the main thread.
 */
import { expose } from 'comlink';
import type { DebugCommand, SimulationWorkerApi } from './api';
import { SimulationSession } from './session';

const session = new SimulationSession({ wallClockMs: () => performance.now() });

/** The test hooks exist only in e2e builds; elsewhere `debug` does nothing and answers false. */
const DEBUG_HOOKS_ENABLED = import.meta.env.MODE === 'e2e';

function debug(command: DebugCommand): boolean {
  if (!DEBUG_HOOKS_ENABLED) return false;
  if (command === 'crash') {
    // Thrown outside the comlink handler so it is an uncaught error: the worker's `error` event fires.
    setTimeout(() => {
      throw new Error('Simulated worker crash (test hook)');
    }, 0);
    return true;
  }
  // A busy loop that never yields: the call never answers, as with a runaway protocol.
  for (;;) {
    // spin
  }
}

const api: SimulationWorkerApi = {
  load: (scenario) => session.load(scenario),
  advanceTo: (ms) => session.advanceTo(ms),
  step: () => session.step(),
  stepUntil: (kinds, maxEvents) => session.stepUntil(kinds, maxEvents),
  seek: (ms) => session.seek(ms),
  seekEvent: (eventIndex) => session.seekEvent(eventIndex),
  restore: (position) => session.restore(position),
  apply: (action) => session.apply(action),
  watchMessage: (messageId) => session.watchMessage(messageId),
  snapshot: () => session.snapshot(),
  traceWindow: (fromIndex, toIndex) => session.traceWindow(fromIndex, toIndex),
  history: () => session.history(),
  currentScenario: (viewAtMs) => session.currentScenario(viewAtMs),
  invariants: () => session.invariants(),
  debug,
};

expose(api);
