/**
 * Scenarios in URLs. `#s=<data>` carries a whole scenario, JSON compressed with lz-string's
 * URI-safe alphabet (A–Z a–z 0–9 + - $, so no '&' or '=' to escape); `&t=<ms>` adds the
 * virtual time being viewed. `#scenario=<name>` names an example in public/scenarios/.
 * The hash is parsed by hand: URLSearchParams would turn '+' into a space.
 */
// lz-string is CommonJS: a default import works under Vite and under Node's ESM loader (the
// CLI runs through tsx); named imports work only under Vite.
import lzString from 'lz-string';
import type { Scenario } from '../engine';
import { MAXIMUM_SCENARIO_CHARACTERS, parseScenarioJson } from './parse';
import type { ParseResult, ScenarioProblem } from './problems';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = lzString;

export const DEFAULT_EXAMPLE = 'ping-basic';

/** Longest hash accepted, in characters. */
const MAXIMUM_HASH_CHARACTERS = 500_000;

export type LocationRequest =
  | { kind: 'none' }
  | { kind: 'example'; name: string; viewAtMs: number | null; viewAtEvent: number | null }
  | { kind: 'scenario'; result: ParseResult<Scenario>; viewAtMs: number | null; viewAtEvent: number | null }
  | { kind: 'error'; errors: ScenarioProblem[] };

/**
 * `viewAtEvent` pins the exact position between events: with it, a link opened anywhere
 * lands after exactly that many events (see Simulation.seekPosition), also when the sharer
 * had stepped into the middle of an instant or acted between two events at the same time.
 */
export function encodeScenarioHash(scenario: Scenario, viewAtMs?: number, viewAtEvent?: number): string {
  const { viewAtMs: _ignored, ...rest } = scenario;
  const data = compressToEncodedURIComponent(JSON.stringify(rest));
  const time = viewAtMs === undefined ? '' : `&t=${formatTime(viewAtMs)}`;
  const event = viewAtMs === undefined || viewAtEvent === undefined ? '' : `&e=${viewAtEvent}`;
  return `#s=${data}${time}${event}`;
}

export function decodeLocationHash(hash: string): LocationRequest {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { kind: 'none' };
  if (text.length > MAXIMUM_HASH_CHARACTERS) return error('#', `the link is ${text.length} characters long; the limit is ${MAXIMUM_HASH_CHARACTERS}`);
  const fields = new Map<string, string>();
  for (const part of text.split('&')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return error('#', `'${abbreviate(part)}' is not of the form name=value`);
    fields.set(part.slice(0, separator), part.slice(separator + 1));
  }
  const time = fields.get('t');
  const viewAtMs = time === undefined ? null : Number(time);
  if (viewAtMs !== null && !(Number.isFinite(viewAtMs) && viewAtMs >= 0 && viewAtMs <= 1e9)) {
    return error('t', `must be a virtual time in milliseconds between 0 and 1000000000 (got '${abbreviate(time ?? '')}')`);
  }
  const eventText = fields.get('e');
  const viewAtEvent = eventText === undefined ? null : Number(eventText);
  if (viewAtEvent !== null && !(Number.isSafeInteger(viewAtEvent) && viewAtEvent >= 0)) {
    return error('e', `must be an event count, a whole number of at least 0 (got '${abbreviate(eventText ?? '')}')`);
  }
  if (viewAtEvent !== null && viewAtMs === null) return error('e', 'needs a time t= beside it');
  const name = fields.get('scenario');
  if (name !== undefined) {
    return exampleScenarioUrl(name) === null
      ? error('scenario', `'${abbreviate(name)}' is not an example name (lowercase letters, digits and dashes)`)
      : { kind: 'example', name, viewAtMs, viewAtEvent };
  }
  const data = fields.get('s');
  if (data === undefined) return error('#', `expected s=<scenario> or scenario=<name>, found ${[...fields.keys()].map(abbreviate).join(', ')}`);
  return { kind: 'scenario', result: decodeScenarioData(data), viewAtMs, viewAtEvent };
}

export function decodeScenarioData(data: string): ParseResult<Scenario> {
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(data);
  } catch {
    // A hostile link can make the decoder throw; it is still just a bad link.
    json = null;
  }
  if (json === null || json === '') return { ok: false, errors: [{ field: 's', problem: 'is not a compressed scenario (the link may be cut short or altered)' }] };
  if (json.length > MAXIMUM_SCENARIO_CHARACTERS) return { ok: false, errors: [{ field: 's', problem: 'expands to a scenario larger than the limit' }] };
  return parseScenarioJson(json);
}

/** The path of an example scenario, or null when the name could reach anything else. */
export function exampleScenarioUrl(name: string): string | null {
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(name) ? `scenarios/${name}.json` : null;
}

function formatTime(ms: number): string {
  return String(Math.round(ms * 1000) / 1000);
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function error(field: string, problem: string): LocationRequest {
  return { kind: 'error', errors: [{ field, problem }] };
}
