/**
 * The engine's side of the fault specs: an example scenario plus the actions the spec made
 * in the page (each stamped with the time and event count the page showed when it acted),
 * replayed from scratch as a scenario schedule and run to a virtual time. Spawned through
 * tsx, like oracle.ts.
 *
 *   echo '{"example":"ping-basic","actions":[{"type":"crash","node":"n2","at":600,"afterEvent":57}],"untilMs":600}' | npx tsx e2e/faultOracle.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSimulation } from '../src/engine/index';
import type { Action } from '../src/engine/index';
import { parseScenario } from '../src/scenario/index';

export interface FaultOracleRequest {
  example: string;
  actions: Action[];
  untilMs: number;
}

export interface FaultOracleAnswer {
  traceHash: string;
  events: number;
  statuses: Record<string, string>;
  cut: string[];
  held: string[];
  inFlight: Array<{ id: number; from: string; to: string; type: string; held: boolean; message: unknown }>;
  /** Every drop in the kept trace: message id and reason. */
  drops: Array<{ messageId: number; detail: string | null }>;
}

function answer(request: FaultOracleRequest): FaultOracleAnswer {
  const text = readFileSync(resolve(import.meta.dirname, '..', 'public/scenarios', `${request.example}.json`), 'utf8');
  const document = JSON.parse(text) as { schedule?: Action[] };
  const parsed = parseScenario({ ...document, schedule: [...(document.schedule ?? []), ...request.actions] });
  if (!parsed.ok) throw new Error(`invalid scenario: ${JSON.stringify(parsed.errors)}`);
  const simulation = createSimulation(parsed.scenario);
  simulation.runUntil(request.untilMs, false);
  const snapshot = simulation.inspect();
  return {
    traceHash: simulation.traceHash(),
    events: simulation.eventIndex,
    statuses: Object.fromEntries(snapshot.nodes.map((node) => [node.id, node.status])),
    cut: snapshot.network.cut.map((link) => `${link.from}>${link.to}`),
    held: snapshot.network.held.map((link) => `${link.from}>${link.to}`),
    inFlight: snapshot.inFlight.map(({ id, from, to, type, held, message }) => ({ id, from, to, type, held, message })),
    drops: simulation
      .trace(0, snapshot.traceCount)
      .filter((event) => event.kind === 'drop')
      .map((event) => ({ messageId: event.messageId, detail: event.detail })),
  };
}

process.stdout.write(JSON.stringify(answer(JSON.parse(readFileSync(0, 'utf8')) as FaultOracleRequest)));
