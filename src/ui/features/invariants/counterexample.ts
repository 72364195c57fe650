/**
 * Where a violation is and how to send it to someone. Pure helpers for the invariant panel:
 * the position to jump to (a safety violation has its exact event; liveness and history
 * verdicts have a time), the message the violating event concerned (to select it in the
 * views), and the counterexample link (the share feature's URL builder, at the violation's time).
 */
import type { InvariantReport, TraceEvent } from '../../../worker/api';
import { buildShareUrl } from '../share/shareUrl';
import type { Scenario } from '../../../worker/api';

export type Violation = InvariantReport['violations'][number];

export type JumpTarget = { kind: 'event'; eventIndex: number } | { kind: 'time'; atMs: number };

/** A safety checker ran right after the violating event, so its event count is exact; others were judged at a time. */
export function jumpTarget(report: Pick<InvariantReport, 'kind'>, violation: Violation): JumpTarget {
  return report.kind === 'safety' ? { kind: 'event', eventIndex: violation.event } : { kind: 'time', atMs: violation.atMs };
}

/** The message the given event delivered, dropped, duplicated or sent (in that order of interest), or null. */
export function messageOfEvent(trace: readonly TraceEvent[], eventIndex: number): number | null {
  const preference = ['deliver', 'drop', 'duplicate', 'send'] as const;
  const ofEvent = trace.filter((event) => event.event === eventIndex && event.messageId > 0);
  for (const kind of preference) {
    const found = ofEvent.find((event) => event.kind === kind);
    if (found !== undefined) return found.messageId;
  }
  return null;
}

/** The first violation found (the counterexample); later ones are usually its consequences. */
export function firstViolation(report: InvariantReport): Violation | null {
  return report.violations[0] ?? null;
}

/** A link that opens this run, with every perturbation so far, at the violation's time. */
export function counterexampleUrl(pageHref: string, scenario: Scenario, violation: Violation): string {
  return buildShareUrl(pageHref, scenario, violation.atMs, violation.event >= 0 ? violation.event : undefined);
}
