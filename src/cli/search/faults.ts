/**
 * Random fault schedules for seed search, in the scenario's own action vocabulary so a
 * failing schedule can be shrunk, shared as a URL and replayed in the lab. Each episode
 * is a fault and (mostly) its repair: crash then restart, partition then heal, and so on.
 * The schedule is drawn from the scenario's seed alone, so a seed names one whole run.
 */
import { Prng, createSimulation, type Action, type Scenario } from '../../engine';

type EpisodeMaker = (random: Prng, servers: readonly string[], startMs: number, endMs: number) => Action[];

const EPISODES: readonly EpisodeMaker[] = [
  (random, servers, startMs, endMs) => {
    const node = random.pick(servers);
    return [{ type: 'crash', node, at: startMs }, { type: 'restart', node, at: endMs }];
  },
  (random, servers, startMs, endMs) => {
    const shuffled = random.shuffle([...servers]);
    const cut = 1 + random.below(Math.max(1, shuffled.length - 1));
    return [{ type: 'partition', groups: [shuffled.slice(0, cut), shuffled.slice(cut)], at: startMs }, { type: 'heal', at: endMs }];
  },
  (random, servers, startMs, endMs) => [{ type: 'isolate', node: random.pick(servers), at: startMs }, { type: 'heal', at: endMs }],
  (random, servers, startMs, endMs) => {
    const node = random.pick(servers);
    return [{ type: 'pause', node, at: startMs }, { type: 'resume', node, at: endMs }];
  },
  (random, servers, startMs, endMs) => {
    const from = random.pick(servers);
    const to = random.pick(servers.filter((id) => id !== from));
    return [{ type: 'cut', from, to, oneWay: true, at: startMs }, { type: 'repair', from, to, oneWay: true, at: endMs }];
  },
  (random, servers, startMs) => [{ type: 'skew-clock', node: random.pick(servers), skewMs: random.between(-500, 500), at: startMs }],
];

export function generateFaultSchedule(scenario: Scenario, episodes: number, untilMs: number): Action[] {
  const servers = serverIds(scenario);
  if (servers.length === 0 || untilMs < 10) return [];
  const random = new Prng(scenario.seed, 'search-faults');
  // Single-server clusters cannot cut a link between two servers.
  const makers = servers.length > 1 ? EPISODES : EPISODES.filter((_maker, index) => index !== 4 && index !== 1);
  const span = Math.floor(untilMs);
  const actions: Action[] = [];
  for (let episode = 0; episode < episodes; episode++) {
    // Faults start in the first 80% of the run and last 2–30% of it, so most heal before the end.
    const startMs = random.below(Math.max(1, Math.floor(span * 0.8)));
    const endMs = Math.min(span, startMs + random.between(Math.floor(span * 0.02), Math.floor(span * 0.3)));
    actions.push(...random.pick(makers)(random, servers, startMs, endMs));
  }
  return actions;
}

function serverIds(scenario: Scenario): string[] {
  return createSimulation({ ...scenario, schedule: [] })
    .inspect()
    .nodes.filter((node) => node.kind === 'server')
    .map((node) => node.id);
}
