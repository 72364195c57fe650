/**
 * Runs the checkers, outside the protocol (style.md §6). Safety checkers run after every
 * event; a violation records where it happened. Liveness checkers are judged once per
 * healing: when every fault has been healed for `boundUs` of virtual time, each must be
 * satisfied, or a violation is recorded at exactly that deadline. Until then they report
 * the reason they are still pending.
 */
import { capturePlain, restorePlain } from '../core/capture';
import type { PlainData } from '../core/plainData';
import { microsecondsToMilliseconds, type Microseconds } from '../core/time';
import type { CheckView, HistoryChecker, HistoryRecord, LivenessChecker, SafetyChecker } from '../protocol';

/** Violations kept per checker; later ones are counted only. */
const VIOLATIONS_KEPT = 20;

export interface Violation {
  atMs: number;
  event: number;
  message: string;
}

export interface InvariantReport {
  name: string;
  description: string;
  kind: 'safety' | 'liveness' | 'history';
  ok: boolean;
  /** For liveness: why it is not yet satisfied (null when satisfied). */
  pending: string | null;
  violationCount: number;
  violations: Violation[];
}

export interface CheckerSnapshot {
  states: PlainData[];
  safetyViolations: Violation[][];
  safetyCounts: number[];
  livenessViolations: Violation[][];
}

export class CheckerRunner {
  private states: PlainData[];
  private safetyViolations: Violation[][];
  private safetyCounts: number[];
  private livenessViolations: Violation[][];

  constructor(
    private readonly safety: SafetyChecker[],
    private readonly liveness: LivenessChecker[],
  ) {
    this.states = safety.map((checker) => checker.init());
    this.safetyViolations = safety.map(() => []);
    this.safetyCounts = safety.map(() => 0);
    this.livenessViolations = liveness.map(() => []);
  }

  get hasLiveness(): boolean {
    return this.liveness.length > 0;
  }

  /** Violations recorded so far (every safety one; liveness ones as kept): it grows when a new one is found, so a caller can notice it without a report. */
  get violationTotal(): number {
    let total = 0;
    for (const count of this.safetyCounts) total += count;
    for (const violations of this.livenessViolations) total += violations.length;
    return total;
  }

  /** Runs every safety checker; returns the first new violation message, or null. */
  afterEvent(view: CheckView): string | null {
    let first: string | null = null;
    for (let index = 0; index < this.safety.length; index++) {
      const message = (this.safety[index] as SafetyChecker).check(this.states[index] as PlainData, view);
      if (message === null) continue;
      this.recordSafety(index, view, message);
      if (first === null) first = `${(this.safety[index] as SafetyChecker).name}: ${message}`;
    }
    return first;
  }

  /** Judges liveness at a deadline; returns the first violation message, or null. */
  judgeLiveness(view: CheckView, deadline: Microseconds): string | null {
    let first: string | null = null;
    for (let index = 0; index < this.liveness.length; index++) {
      const checker = this.liveness[index] as LivenessChecker;
      const pending = checker.evaluate(view);
      if (pending === null) continue;
      const violations = this.livenessViolations[index] as Violation[];
      const message = `not satisfied ${microsecondsToMilliseconds(deadline)} ms into the run, after faults healed: ${pending}`;
      if (violations.length < VIOLATIONS_KEPT) {
        violations.push({ atMs: microsecondsToMilliseconds(deadline), event: view.eventIndex, message });
      }
      if (first === null) first = `${checker.name}: ${message}`;
    }
    return first;
  }

  report(view: CheckView, faultsActive: string | null): InvariantReport[] {
    const safety = this.safety.map((checker, index): InvariantReport => {
      const count = this.safetyCounts[index] as number;
      return {
        name: checker.name,
        description: checker.description,
        kind: 'safety',
        ok: count === 0,
        pending: null,
        violationCount: count,
        violations: [...(this.safetyViolations[index] as Violation[])],
      };
    });
    const liveness = this.liveness.map((checker, index): InvariantReport => {
      const violations = this.livenessViolations[index] as Violation[];
      const reason = checker.evaluate(view);
      const pending = reason === null ? null : faultsActive === null ? reason : `${reason} (faults active: ${faultsActive})`;
      return {
        name: checker.name,
        description: checker.description,
        kind: 'liveness',
        ok: violations.length === 0,
        pending,
        violationCount: violations.length,
        violations: [...violations],
      };
    });
    return [...safety, ...liveness];
  }

  save(): CheckerSnapshot {
    return capturePlain({
      states: this.states,
      safetyViolations: this.safetyViolations,
      safetyCounts: this.safetyCounts,
      livenessViolations: this.livenessViolations,
    });
  }

  restore(snapshot: CheckerSnapshot): void {
    const copy = restorePlain(snapshot);
    this.states = copy.states;
    this.safetyViolations = copy.safetyViolations;
    this.safetyCounts = copy.safetyCounts;
    this.livenessViolations = copy.livenessViolations;
  }

  private recordSafety(index: number, view: CheckView, message: string): void {
    this.safetyCounts[index] = (this.safetyCounts[index] as number) + 1;
    const violations = this.safetyViolations[index] as Violation[];
    if (violations.length < VIOLATIONS_KEPT) {
      violations.push({ atMs: microsecondsToMilliseconds(view.now), event: view.eventIndex, message });
    }
  }
}

/** Verdicts remembered per history length (seeking back and forth revisits lengths). */
const VERDICTS_KEPT = 32;

/**
 * Runs history checkers on demand and remembers each verdict by history length: on one
 * timeline the history at a given length is always the same. A fork forgets them.
 */
export class HistoryJudge {
  private readonly verdicts = new Map<number, InvariantReport[]>();

  constructor(private readonly checkers: HistoryChecker[]) {}

  forget(): void {
    this.verdicts.clear();
  }

  /**
   * The verdicts already known for this history, without judging: for time travel, where a
   * fresh judgement could cost more than the seek. Unknown ones say they are pending.
   */
  reportIfKnown(history: readonly HistoryRecord[]): InvariantReport[] {
    const known = this.verdicts.get(history.length);
    if (known !== undefined) return known.map((report) => ({ ...report, violations: [...report.violations] }));
    return this.checkers.map((checker) => ({
      name: checker.name,
      description: checker.description,
      kind: 'history',
      ok: true,
      pending: 'not judged yet at this position',
      violationCount: 0,
      violations: [],
    }));
  }

  report(history: readonly HistoryRecord[]): InvariantReport[] {
    let reports = this.verdicts.get(history.length);
    if (reports === undefined) {
      if (this.verdicts.size >= VERDICTS_KEPT) this.verdicts.delete(this.verdicts.keys().next().value as number);
      reports = this.judge(history);
      this.verdicts.set(history.length, reports);
    }
    return reports.map((report) => ({ ...report, violations: [...report.violations] }));
  }

  private judge(history: readonly HistoryRecord[]): InvariantReport[] {
    const lastTime = history.length === 0 ? 0 : microsecondsToMilliseconds((history[history.length - 1] as HistoryRecord).time);
    return this.checkers.map((checker): InvariantReport => {
      const message = checker.check(history);
      return {
        name: checker.name,
        description: checker.description,
        kind: 'history',
        ok: message === null,
        pending: null,
        violationCount: message === null ? 0 : 1,
        violations: message === null ? [] : [{ atMs: lastTime, event: -1, message }],
      };
    });
  }
}
