import { afterEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import { createSimulationClient, WorkerLostError, type SimulationClient, type WorkerHandle } from './simulationClient';

/** A stand-in worker over a MessageChannel: `snapshot` answers, `traceWindow` never does. */
function fakeWorker(log: string[]): WorkerHandle & { crash(reason: string): void } {
  const channel = new MessageChannel();
  const crashListeners: Array<(reason: string) => void> = [];
  expose(
    {
      history: () => [{ index: 0 }],
      traceWindow: () => new Promise(() => undefined),
    },
    channel.port1 as never,
  );
  return {
    endpoint: channel.port2 as never,
    terminate() {
      log.push('terminate');
      channel.port1.close();
      channel.port2.close();
    },
    onCrash: (listener) => crashListeners.push(listener),
    crash: (reason) => crashListeners.forEach((listener) => listener(reason)),
  };
}

let client: SimulationClient | null = null;
afterEach(() => client?.dispose());

function setUp(callTimeoutMs = 60) {
  const log: string[] = [];
  const workers: Array<ReturnType<typeof fakeWorker>> = [];
  const lost: string[] = [];
  client = createSimulationClient({
    spawn: () => {
      const worker = fakeWorker(log);
      workers.push(worker);
      return worker;
    },
    callTimeoutMs,
    slowCallTimeoutMs: callTimeoutMs,
    onLost: (reason) => lost.push(reason),
  });
  return { client, log, workers, lost };
}

describe('simulation client watchdog', () => {
  it('passes answers through from the worker', async () => {
    const { client } = setUp();
    await expect(client.call('history')).resolves.toEqual([{ index: 0 }]);
  });

  it('loses a worker that does not answer in time: terminates it, rejects the call, reports once', async () => {
    const { client, log, lost } = setUp();
    await expect(client.call('traceWindow', 0, 1)).rejects.toBeInstanceOf(WorkerLostError);
    expect(log).toEqual(['terminate']);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toContain("did not answer 'traceWindow'");
    await expect(client.call('history')).rejects.toBeInstanceOf(WorkerLostError);
  });

  it('rejects every pending call when the worker crashes, and a restarted worker answers', async () => {
    const { client, workers, lost } = setUp(10_000);
    const pending = client.call('traceWindow', 0, 1);
    workers[0]?.crash('boom');
    await expect(pending).rejects.toThrow(/crashed \(boom\)/);
    expect(lost).toEqual(['the simulation worker crashed (boom)']);
    client.restart();
    expect(client.generation).toBe(2);
    await expect(client.call('history')).resolves.toEqual([{ index: 0 }]);
  });

  it('a late crash report from a replaced worker is ignored', async () => {
    const { client, workers, lost } = setUp(10_000);
    client.restart();
    workers[0]?.crash('late');
    expect(lost).toEqual([]);
    await expect(client.call('history')).resolves.toEqual([{ index: 0 }]);
  });
});
