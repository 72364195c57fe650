/** The short human summary `run` prints without --json. Plain text, one fact per line. */
import { canonicalJson } from '../engine';
import type { NodeReport, RunReport } from './runReport';

/** Violations listed per invariant; the JSON report has them all (up to the engine's cap). */
const VIOLATIONS_SHOWN = 3;

export function formatRunReport(report: RunReport): string {
  const lines = [
    `${report.module} · seed ${report.seed} · ${report.virtualTimeMs} ms of virtual time · ${report.events} events`,
    `trace hash ${report.traceHash}`,
    '',
    'invariants',
    ...report.invariants.flatMap(formatInvariant),
    '',
    'nodes',
    `  ${report.nodes.map(formatNode).join('  ')}`,
  ];
  for (const snapshot of report.snapshots ?? []) {
    lines.push(`  at ${snapshot.atMs} ms (${snapshot.events} events): ${snapshot.nodes.map(formatNode).join('  ')}`);
  }
  if (report.history !== undefined) lines.push('', `history: ${report.history.length} records (use --json to see them)`);
  lines.push('', `summary ${canonicalJson(report.summary)}`);
  const failed = report.invariants.filter((invariant) => !invariant.ok).length;
  lines.push('', failed === 0 ? 'all invariants hold' : `${failed} invariant${failed === 1 ? '' : 's'} violated`);
  return lines.join('\n');
}

function formatInvariant(invariant: RunReport['invariants'][number]): string[] {
  const mark = invariant.ok ? 'ok  ' : 'FAIL';
  const count = invariant.violationCount === 0 ? '' : ` (${invariant.violationCount} violation${invariant.violationCount === 1 ? '' : 's'})`;
  const pending = invariant.pending === null ? '' : ` (pending: ${invariant.pending})`;
  const lines = [`  ${mark} ${invariant.name} [${invariant.kind}]${count}${pending}`];
  for (const violation of invariant.violations.slice(0, VIOLATIONS_SHOWN)) {
    const where = violation.event < 0 ? `at ${violation.atMs} ms` : `at ${violation.atMs} ms, event ${violation.event}`;
    lines.push(`         ${where}: ${violation.message}`);
  }
  if (invariant.violations.length > VIOLATIONS_SHOWN) lines.push(`         … and ${invariant.violationCount - VIOLATIONS_SHOWN} more`);
  return lines;
}

function formatNode(node: NodeReport): string {
  return node.status === 'up' ? node.id : `${node.id} (${node.status})`;
}
