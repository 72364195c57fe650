/**
 * Liveness, judged by the engine once faults have healed for its bound: a leader is in charge
 * of every running member, and client operations complete. While not yet satisfied each
 * reports why, for the lab's status line.
 */
import type { CheckView, LivenessChecker, ModuleConfig } from '../../../protocol';
import { raftSettings } from '../settings';
import type { RaftClientState, RaftServerState, RaftState } from '../types';

type Checker = LivenessChecker<RaftState>;

function upServers(view: CheckView<RaftState>): Array<{ id: string; state: RaftServerState }> {
  const servers: Array<{ id: string; state: RaftServerState }> = [];
  for (const node of view.nodes) {
    if (node.status === 'up' && node.state !== null && node.state.kind === 'server') servers.push({ id: node.id, state: node.state });
  }
  return servers;
}

/** A leader exists whose term no running server exceeds, and every running member follows it. */
export const leaderElected: Checker = {
  name: 'Leader elected',
  description: 'Once faults heal, one leader is elected and every running member of its configuration follows it.',
  evaluate(view) {
    const servers = upServers(view);
    if (servers.length === 0) return 'no server is running';
    let maximumTerm = 0;
    for (const server of servers) maximumTerm = Math.max(maximumTerm, server.state.term);
    const leader = servers.find((server) => server.state.role === 'leader' && server.state.term === maximumTerm);
    if (leader === undefined) {
      return `no leader in term ${maximumTerm} (${servers.map((server) => `${server.id} ${server.state.role} t${server.state.term}`).join(', ')})`;
    }
    const lagging = servers.filter(
      (server) => server !== leader && leader.state.members.includes(server.id) && (server.state.term !== maximumTerm || server.state.leaderHint !== leader.id),
    );
    if (lagging.length > 0) return `${leader.id} leads term ${maximumTerm} but ${lagging.map((server) => server.id).join(', ')} do not follow it yet`;
    return null;
  },
};

/** How long a healthy cluster may take to answer: an election or two plus a couple of retries. */
function patienceUs(config: ModuleConfig): number {
  const settings = raftSettings(config);
  return 2 * settings.electionTimeoutMaximumUs + 2 * settings.requestTimeoutUs + settings.retryBackoffMaximumUs;
}

/** Every client operation completes: none outstanding too long, none abandoned lately. */
export function clientOperationsComplete(config: ModuleConfig): Checker {
  const patience = patienceUs(config);
  return {
    name: 'Client operations complete',
    description: `Once faults heal, every client operation completes (ok or fail) within ${patience / 1000} ms, and no client gives up on one.`,
    evaluate(view) {
      const reasons: string[] = [];
      for (const node of view.nodes) {
        if (node.status !== 'up' || node.state === null || node.state.kind !== 'client') continue;
        const client: RaftClientState = node.state;
        const operation = client.current;
        if (operation !== null && view.now - operation.invokedAt > patience) {
          reasons.push(`${node.id}'s ${operation.f} ${operation.key} pending for ${(view.now - operation.invokedAt) / 1000} ms (${operation.attempts} attempts)`);
        } else if (client.lastGaveUpAt !== null && view.now - client.lastGaveUpAt < patience) {
          reasons.push(`${node.id} gave up on an operation ${(view.now - client.lastGaveUpAt) / 1000} ms ago`);
        }
      }
      return reasons.length === 0 ? null : reasons.join('; ');
    },
  };
}

export function raftLivenessCheckers(config: ModuleConfig): Checker[] {
  return [leaderElected, clientOperationsComplete(config)];
}
