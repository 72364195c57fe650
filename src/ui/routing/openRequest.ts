/**
 * What the address asks the lab to open. The hash is untrusted input: it is decoded and
 * validated by src/scenario, examples are fetched only by a validated name, and anything
 * wrong becomes a ProblemReport naming the field and the problem (shown as text, never as
 * markup).
 */
import type { Scenario } from '../../worker/api';
import { DEFAULT_EXAMPLE, decodeLocationHash, exampleScenarioUrl, parseScenarioJson } from '../../scenario/index';
import type { ProblemReport } from '../store/labStore';

export type OpenPlan =
  | { kind: 'run'; scenario: Scenario; viewAtMs: number | null; viewAtEvent: number | null; paused: boolean }
  | { kind: 'problems'; report: ProblemReport };

export interface FetchedText {
  status: number;
  contentType: string;
  text: string;
}

/** Fetches a same-origin resource as text (injected so tests and the browser differ only here). */
export type FetchText = (url: string) => Promise<FetchedText>;

export const DEFAULT_HASH = `#scenario=${DEFAULT_EXAMPLE}`;

/** `&paused=1` opens the run without playing; `&t=` implies it. */
export function requestsPaused(hash: string): boolean {
  return /(?:^#?|&)paused=(?:1|true)(?:&|$)/.test(hash);
}

export async function resolveLocationHash(hash: string, baseUrl: string, fetchText: FetchText): Promise<OpenPlan> {
  const request = decodeLocationHash(hash);
  const paused = requestsPaused(hash);
  switch (request.kind) {
    case 'none':
      return openExample(DEFAULT_EXAMPLE, null, null, paused, baseUrl, fetchText);
    case 'example':
      return openExample(request.name, request.viewAtMs, request.viewAtEvent, paused, baseUrl, fetchText);
    case 'scenario':
      return request.result.ok
        ? { kind: 'run', scenario: request.result.scenario, viewAtMs: request.viewAtMs, viewAtEvent: request.viewAtEvent, paused }
        : problems('This link does not describe a valid scenario', request.result.errors);
    case 'error':
      return problems('This link cannot be opened', request.errors);
  }
}

async function openExample(name: string, viewAtMs: number | null, viewAtEvent: number | null, paused: boolean, baseUrl: string, fetchText: FetchText): Promise<OpenPlan> {
  const path = exampleScenarioUrl(name);
  if (path === null) return problems('This link cannot be opened', [{ field: 'scenario', problem: 'is not an example name (lowercase letters, digits and dashes)' }]);
  let fetched: FetchedText;
  try {
    fetched = await fetchText(baseUrl + path);
  } catch (error) {
    return problems('The example scenario could not be loaded', [{ field: 'scenario', problem: `could not be fetched (${String(error)})` }]);
  }
  // A development server answers unknown paths with the app's HTML page; that is "not found" too.
  const looksLikeJson = fetched.contentType.includes('json') || fetched.text.trimStart().startsWith('{');
  if (fetched.status !== 200 || !looksLikeJson) {
    return problems('The example scenario could not be loaded', [{ field: 'scenario', problem: `there is no example named '${name}'` }]);
  }
  const parsed = parseScenarioJson(fetched.text);
  if (!parsed.ok) return problems(`The example scenario '${name}' is not valid`, parsed.errors);
  return { kind: 'run', scenario: parsed.scenario, viewAtMs, viewAtEvent, paused };
}

function problems(title: string, errors: ProblemReport['errors']): OpenPlan {
  return { kind: 'problems', report: { title, errors } };
}
