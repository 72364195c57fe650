/**
 * What Node computes for a scenario, for the end-to-end specs: the #s= hash the app's
 * encoder builds and the run the engine produces at a virtual time. Run with tsx (the specs
 * spawn it) because Playwright's own loader cannot import lz-string's CommonJS build by name.
 *
 *   echo '{"example":"ping-basic","patch":{"seed":7},"untilMs":1500}' | npx tsx e2e/oracle.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSimulation } from '../src/engine/index';
import { encodeScenarioHash, parseScenario } from '../src/scenario/index';

export interface OracleRequest {
  example: string;
  /** Top-level fields to replace in the example (seed, nodes, title, ...). */
  patch?: Record<string, unknown>;
  untilMs: number;
}

export interface OracleAnswer {
  hash: string;
  traceHash: string;
  events: number;
  statuses: Record<string, string>;
}

function answer(request: OracleRequest): OracleAnswer {
  const text = readFileSync(resolve(import.meta.dirname, '..', 'public/scenarios', `${request.example}.json`), 'utf8');
  const parsed = parseScenario({ ...(JSON.parse(text) as object), ...request.patch });
  if (!parsed.ok) throw new Error(`invalid scenario: ${JSON.stringify(parsed.errors)}`);
  const simulation = createSimulation(parsed.scenario);
  simulation.runUntil(request.untilMs, false);
  return {
    hash: encodeScenarioHash(parsed.scenario, request.untilMs),
    traceHash: simulation.traceHash(),
    events: simulation.eventIndex,
    statuses: Object.fromEntries(simulation.inspect().nodes.map((node) => [node.id, node.status])),
  };
}

process.stdout.write(JSON.stringify(answer(JSON.parse(readFileSync(0, 'utf8')) as OracleRequest)));
