/**
 * Turns the `<scenario>` argument into a validated Scenario. It may be a file path, the
 * name of an example in public/scenarios/, or a full app URL (`.../#s=...` or
 * `.../#scenario=<name>`). Everything is validated by src/scenario, the same boundary the
 * app uses, so a file, a link and a click mean the same thing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine';
import { decodeLocationHash, exampleScenarioUrl, parseScenarioJson, type ParseResult } from '../scenario';
import { InputError } from './inputError';

export interface LoadedScenario {
  scenario: Scenario;
  /** Where it came from, for messages: "file x.json", "example raft-basic", "url". */
  source: string;
  /** The virtual time the source was looking at (a URL's `t=`, or the scenario's viewAtMs). */
  viewAtMs: number | null;
  /** A URL's `e=`: the exact number of events the sharer had run (with viewAtMs). */
  viewAtEvent: number | null;
}

/** public/ at the repository root; examples live in public/scenarios/<name>.json. */
export const PUBLIC_DIRECTORY = resolve(dirname(fileURLToPath(import.meta.url)), '../../public');

export function loadScenario(argument: string, publicDirectory = PUBLIC_DIRECTORY): LoadedScenario {
  if (argument.trim() === '') throw InputError.of('scenario', 'is empty: give a file path, an example name or an app URL');
  if (looksLikeUrl(argument)) return loadUrl(argument, publicDirectory);
  if (existsSync(argument) && statSync(argument).isFile()) {
    return fromResult(parseScenarioJson(readFileSync(argument, 'utf8')), `file ${argument}`, null);
  }
  if (/[/\\]/.test(argument) || argument.endsWith('.json')) throw InputError.of('scenario', `file not found: ${argument}`);
  return loadExample(argument, null, publicDirectory);
}

export function exampleNames(publicDirectory = PUBLIC_DIRECTORY): string[] {
  const directory = join(publicDirectory, 'scenarios');
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    // index.json lists the examples for the lab's gallery; it is not a scenario itself.
    .filter((name) => name.endsWith('.json') && name !== 'index.json')
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

function looksLikeUrl(argument: string): boolean {
  return argument.startsWith('#') || /^[a-z][a-z0-9+.-]*:\/\//i.test(argument);
}

function loadUrl(url: string, publicDirectory: string): LoadedScenario {
  const hashStart = url.indexOf('#');
  if (hashStart < 0) throw InputError.of('url', 'has no #s=<scenario> or #scenario=<name> part');
  const request = decodeLocationHash(url.slice(hashStart));
  switch (request.kind) {
    case 'none':
      throw InputError.of('url', 'has an empty hash: expected #s=<scenario> or #scenario=<name>');
    case 'error':
      throw new InputError(request.errors);
    case 'example':
      return { ...loadExample(request.name, request.viewAtMs, publicDirectory), viewAtEvent: request.viewAtEvent };
    case 'scenario':
      return { ...fromResult(request.result, 'url', request.viewAtMs), viewAtEvent: request.viewAtEvent };
  }
}

function loadExample(name: string, viewAtMs: number | null, publicDirectory: string): LoadedScenario {
  const path = exampleScenarioUrl(name);
  const known = exampleNames(publicDirectory);
  const listing = known.length > 0 ? `examples: ${known.join(', ')}` : 'no examples found';
  if (path === null) throw InputError.of('scenario', `'${name}' is neither a file nor an example name (${listing})`);
  const file = join(publicDirectory, path);
  if (!existsSync(file)) throw InputError.of('scenario', `no file or example named '${name}' (${listing})`);
  return fromResult(parseScenarioJson(readFileSync(file, 'utf8')), `example ${name}`, viewAtMs);
}

function fromResult(result: ParseResult<Scenario>, source: string, viewAtMs: number | null): LoadedScenario {
  if (!result.ok) throw new InputError(result.errors);
  return { scenario: result.scenario, source, viewAtMs: viewAtMs ?? result.scenario.viewAtMs ?? null, viewAtEvent: null };
}
