/**
 * The main thread's end of the worker bridge: typed calls to the simulation worker with a
 * watchdog. A worker that crashes (its `error` event) or leaves a call unanswered past the
 * timeout is terminated, every pending call is rejected with WorkerLostError, and `onLost`
 * is told once; the owner then calls `restart()` and restores the run (see labController).
 *
 * Framework-free: no React, no store. The worker is created by an injected `spawn`, so tests
 * can run the whole bridge over a MessageChannel in Node.
 */
import { wrap, releaseProxy, type Endpoint, type Remote } from 'comlink';
import type { SimulationWorkerApi } from '../../worker/api';

export interface WorkerHandle {
  endpoint: Endpoint;
  terminate(): void;
  /** Registers the listener for an uncaught error in the worker. */
  onCrash(listener: (reason: string) => void): void;
}

export class WorkerLostError extends Error {
  override name = 'WorkerLostError';
}

export interface SimulationClientOptions {
  spawn: () => WorkerHandle;
  /** A frame-sized call that takes longer than this means the worker hangs. */
  callTimeoutMs: number;
  /** Calls that may legitimately replay a long run (load, seek, restore) get this much. */
  slowCallTimeoutMs: number;
  onLost: (reason: string) => void;
}

type Method = keyof SimulationWorkerApi;
type Answer<M extends Method> = Awaited<ReturnType<SimulationWorkerApi[M]>>;

const SLOW_METHODS: ReadonlySet<Method> = new Set<Method>(['load', 'seek', 'seekEvent', 'restore', 'currentScenario', 'history']);

export interface SimulationClient {
  call<M extends Method>(method: M, ...args: Parameters<SimulationWorkerApi[M]>): Promise<Answer<M>>;
  /** Starts a fresh worker (with nothing loaded) after a loss. */
  restart(): void;
  /** How many workers have been started, the first one included. */
  readonly generation: number;
  setCallTimeout(ms: number): void;
  dispose(): void;
}

interface Live {
  generation: number;
  handle: WorkerHandle;
  remote: Remote<SimulationWorkerApi>;
  /** Rejecters of the calls still waiting for an answer. */
  pending: Set<(error: Error) => void>;
  lost: boolean;
}

export function createSimulationClient(options: SimulationClientOptions): SimulationClient {
  let callTimeoutMs = options.callTimeoutMs;
  let generation = 0;
  let live: Live | null = null;

  const start = (): Live => {
    generation++;
    const handle = options.spawn();
    const started: Live = { generation, handle, remote: wrap<SimulationWorkerApi>(handle.endpoint), pending: new Set(), lost: false };
    handle.onCrash((reason) => lose(started, `the simulation worker crashed (${reason})`));
    return started;
  };

  /** Invariant: a worker is lost at most once, and only the current one can trigger onLost. */
  const lose = (worker: Live, reason: string): void => {
    if (worker.lost) return;
    worker.lost = true;
    worker.remote[releaseProxy]();
    worker.handle.terminate();
    for (const reject of worker.pending) reject(new WorkerLostError(reason));
    worker.pending.clear();
    if (live === worker) {
      live = null;
      options.onLost(reason);
    }
  };

  const call = <M extends Method>(method: M, ...args: Parameters<SimulationWorkerApi[M]>): Promise<Answer<M>> => {
    const worker = live;
    if (worker === null) return Promise.reject(new WorkerLostError('the simulation worker is not running'));
    const timeoutMs = SLOW_METHODS.has(method) ? Math.max(callTimeoutMs, options.slowCallTimeoutMs) : callTimeoutMs;
    return new Promise<Answer<M>>((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        worker.pending.delete(reject);
      };
      const timer = setTimeout(() => {
        settle();
        lose(worker, `the simulation worker did not answer '${method}' within ${timeoutMs} ms`);
        reject(new WorkerLostError(`'${method}' timed out`));
      }, timeoutMs);
      worker.pending.add(reject);
      const target = worker.remote[method] as unknown as (...callArgs: unknown[]) => Promise<Answer<M>>;
      target(...args).then(
        (answer) => {
          settle();
          resolve(answer);
        },
        (error: unknown) => {
          settle();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };

  live = start();

  return {
    call,
    restart() {
      const previous = live;
      live = null;
      if (previous !== null) lose(previous, 'restart requested');
      live = start();
    },
    get generation() {
      return generation;
    },
    setCallTimeout(ms) {
      callTimeoutMs = ms;
    },
    dispose() {
      if (live === null) return;
      const worker = live;
      live = null;
      lose(worker, 'disposed');
    },
  };
}

/** The browser's simulation worker, bundled by Vite as an ES module worker. */
export function spawnSimulationWorker(): WorkerHandle {
  const worker = new Worker(new URL('../../worker/simulation.worker.ts', import.meta.url), { type: 'module', name: 'faultline-simulation' });
  return {
    endpoint: worker,
    terminate: () => worker.terminate(),
    onCrash(listener) {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(event.message || 'uncaught error');
      });
      worker.addEventListener('messageerror', () => listener('a message could not be decoded'));
    },
  };
}
