/** Wires the lab together for the browser: store, worker client with watchdog, controller. */
import { createSimulationClient, spawnSimulationWorker } from './bridge/simulationClient';
import { LabController, type LabEnvironment } from './controller/labController';
import { browserAnimationScheduler } from './controller/playbackLoop';
import { createLabStore, type LabStore } from './store/labStore';
import { installTestHooks } from './testing/testHooks';

/** A frame-sized call unanswered this long means the worker hangs. */
const CALL_TIMEOUT_MS = 5_000;
/** Loading or seeking a long run may replay many events; give those calls longer. */
const SLOW_CALL_TIMEOUT_MS = 30_000;

export function bootLab(): { store: LabStore; controller: LabController } {
  const store = createLabStore();
  const controller = new LabController(
    store,
    (onLost) => createSimulationClient({ spawn: spawnSimulationWorker, callTimeoutMs: CALL_TIMEOUT_MS, slowCallTimeoutMs: SLOW_CALL_TIMEOUT_MS, onLost }),
    browserEnvironment(),
  );
  installTestHooks(controller, store);
  return { store, controller };
}

function browserEnvironment(): LabEnvironment {
  return {
    location: {
      hash: () => window.location.hash,
      setHash: (hash) => {
        window.location.hash = hash;
      },
      onHashChange(listener) {
        window.addEventListener('hashchange', listener);
        return () => window.removeEventListener('hashchange', listener);
      },
    },
    baseUrl: new URL(import.meta.env.BASE_URL, window.location.href).href,
    async fetchText(url) {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
    },
    animation: browserAnimationScheduler(),
  };
}
