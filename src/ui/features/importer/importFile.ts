/**
 * Reading a file the user dropped or picked: a scenario (JSON) or a trace file written by
 * the export panel ({ format: 'faultline-trace', scenario, atMs, traceHash, trace }). The file
 * is untrusted; the outcome is a validated scenario to open, or problems naming the field.
 * Nothing here touches the DOM or the store, so it is tested in Node.
 */
import { MAXIMUM_SCENARIO_CHARACTERS, parseScenario } from '../../../scenario/index';
import type { Scenario, ScenarioProblemView, TraceEvent } from '../../../worker/api';
import type { TraceKind } from '../../../engine/index';
import type { ImportedTraceView, ProblemReport } from '../../store/labStore';

export const TRACE_FORMAT = 'faultline-trace';
export const HISTORY_FORMAT = 'faultline-history';
/** A full kept trace (200,000 events) is tens of megabytes; anything far beyond is not ours. */
export const MAXIMUM_IMPORT_BYTES = 128 * 1024 * 1024;

export type ImportOutcome =
  | { kind: 'scenario'; scenario: Scenario }
  | { kind: 'trace'; scenario: Scenario; atMs: number; view: ImportedTraceView }
  | { kind: 'problems'; report: ProblemReport };

const TRACE_KINDS: ReadonlySet<string> = new Set<TraceKind>(['send', 'deliver', 'drop', 'duplicate', 'timer', 'state', 'client', 'fault']);
/** Errors listed per file; a broken 100,000-event trace need not list 100,000 problems. */
const MAXIMUM_LISTED_PROBLEMS = 20;

export function readImportedFile(fileName: string, byteSize: number, text: string): ImportOutcome {
  if (byteSize > MAXIMUM_IMPORT_BYTES) return problems(fileName, [{ field: '(file)', problem: `is ${byteSize} bytes; the limit is ${MAXIMUM_IMPORT_BYTES}` }]);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return problems(fileName, [{ field: '(json)', problem: `is not valid JSON: ${(error as Error).message}` }]);
  }
  if (isRecord(document) && document.format === HISTORY_FORMAT) {
    return problems(fileName, [{ field: 'format', problem: 'is a client history export; import a scenario file or a trace file' }]);
  }
  if (isRecord(document) && (document.format === TRACE_FORMAT || Array.isArray(document.trace))) return readTrace(fileName, document);
  if (text.length > MAXIMUM_SCENARIO_CHARACTERS) return problems(fileName, [{ field: '(scenario)', problem: `is ${text.length} characters long; the limit is ${MAXIMUM_SCENARIO_CHARACTERS}` }]);
  const parsed = parseScenario(document);
  return parsed.ok ? { kind: 'scenario', scenario: parsed.scenario } : problems(fileName, parsed.errors);
}

function readTrace(fileName: string, document: Record<string, unknown>): ImportOutcome {
  const errors: ScenarioProblemView[] = [];
  if (document.format !== TRACE_FORMAT) errors.push({ field: 'format', problem: `must be '${TRACE_FORMAT}'` });
  const parsed = parseScenario(document.scenario);
  if (!parsed.ok) errors.push(...parsed.errors.map((error) => ({ field: error.field.startsWith('(') ? 'scenario' : `scenario.${error.field}`, problem: error.problem })));
  const atMs = document.atMs;
  if (typeof atMs !== 'number' || !Number.isFinite(atMs) || atMs < 0 || atMs > 1e9) errors.push({ field: 'atMs', problem: 'must be a virtual time in milliseconds between 0 and 1000000000' });
  const traceHash = document.traceHash;
  if (traceHash !== undefined && (typeof traceHash !== 'string' || !/^[0-9a-f]{1,64}$/.test(traceHash))) errors.push({ field: 'traceHash', problem: 'must be a hexadecimal string' });
  const trace = Array.isArray(document.trace) ? document.trace : [];
  for (let index = 0; index < trace.length && errors.length < MAXIMUM_LISTED_PROBLEMS; index++) {
    const problem = traceEventProblem(trace[index]);
    if (problem !== null) errors.push({ field: `trace[${index}]${problem.field}`, problem: problem.problem });
  }
  if (errors.length > 0 || !parsed.ok || typeof atMs !== 'number') return problems(fileName, errors);
  const events = trace as TraceEvent[];
  return {
    kind: 'trace',
    scenario: parsed.scenario,
    atMs,
    view: { fileName, atMs, traceHash: typeof traceHash === 'string' ? traceHash : null, nodes: nodesOf(events), trace: events },
  };
}

/** The shape the export writes; only what the read-only views rely on is checked. */
function traceEventProblem(event: unknown): ScenarioProblemView | null {
  if (!isRecord(event)) return { field: '', problem: 'must be an object' };
  for (const field of ['index', 'event', 'time', 'messageId']) {
    const value = event[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) return { field: `.${field}`, problem: 'must be a number' };
  }
  if (typeof event.kind !== 'string' || !TRACE_KINDS.has(event.kind)) return { field: '.kind', problem: `must be one of ${[...TRACE_KINDS].join(', ')}` };
  if (typeof event.node !== 'string') return { field: '.node', problem: 'must be a string' };
  for (const field of ['peer', 'messageType', 'detail']) {
    const value = event[field];
    if (value !== null && typeof value !== 'string') return { field: `.${field}`, problem: 'must be a string or null' };
  }
  return null;
}

function nodesOf(trace: readonly TraceEvent[]): string[] {
  const nodes = new Set<string>();
  for (const event of trace) {
    if (event.node !== '*') nodes.add(event.node);
    if (event.peer !== null && event.peer !== '*') nodes.add(event.peer);
  }
  return [...nodes];
}

function problems(fileName: string, errors: ScenarioProblemView[]): ImportOutcome {
  return { kind: 'problems', report: { title: `The file '${fileName}' cannot be opened`, errors } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
