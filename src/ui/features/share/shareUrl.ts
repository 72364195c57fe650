/**
 * The address a "Share" click copies: this page's address with the whole scenario (the
 * original plus every perturbation made so far) and the time being viewed in the hash.
 * Opening it anywhere replays the same run to the same instant, so the trace hash agrees.
 */
import { encodeScenarioHash } from '../../../scenario/index';
import type { Scenario } from '../../../worker/api';

/**
 * `pageHref` is the current location; its hash (whatever run it named) is replaced, its
 * path and query (a deployment under a sub-path, `?embed=1`) are kept.
 */
export function buildShareUrl(pageHref: string, scenario: Scenario, viewAtMs: number, viewAtEvent?: number): string {
  const url = new URL(pageHref);
  return `${url.origin}${url.pathname}${url.search}${encodeScenarioHash(scenario, viewAtMs, viewAtEvent)}`;
}
