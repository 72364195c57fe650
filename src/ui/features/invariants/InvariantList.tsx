/**
 * Every checker with its status in the current frame: holds, pending (liveness, with the
 * reason) or violated (with how many times). A violation pauses the run (the controller
 * does that); this panel highlights the violating event's message in the views, and offers
 * "Jump to it" and "Share this counterexample" for the first violation of each checker.
 *
 * Every frame carries a fresh copy of the reports, nearly always equal to the last one: the
 * list keeps the reports it shows while they are equal (sameData), so playing does not
 * re-render it sixty times a second.
 */
import { useEffect, useState } from 'react';
import { useLab, useLabController, useLabStable, useLabStore } from '../../store/LabContext';
import { sameData } from '../../store/sameData';
import type { InvariantReport } from '../../../worker/api';
import { formatTime } from '../../controller/labController';
import { counterexampleUrl, firstViolation, jumpTarget, messageOfEvent, type Violation } from './counterexample';
import './invariants.css';

export function InvariantList() {
  const invariants = useLabStable((state) => state.frame?.invariants, sameData);
  useHighlightViolation();
  const remembered = useRememberedViolations(invariants);
  if (invariants === undefined) return <p className="muted">No run is open.</p>;
  if (invariants.length === 0) return <p className="muted">This module declares no checkers.</p>;
  return (
    <ul className="invariants" data-testid="invariants">
      {invariants.map((invariant) => (
        <InvariantItem key={invariant.name} invariant={invariant} remembered={remembered[invariant.name] ?? null} />
      ))}
    </ul>
  );
}

/**
 * The first violation of each checker on this timeline, remembered after the user seeks back
 * before it (where the report says "holds" again), so "Jump to it" still leads there. A new
 * run forgets them; a fork forgets those later than the fork point.
 */
function useRememberedViolations(invariants: readonly InvariantReport[] | undefined): Record<string, Violation> {
  const store = useLabStore();
  const run = useLab((state) => state.openedScenario);
  const [remembered, setRemembered] = useState<{ run: unknown; byName: Record<string, Violation> }>({ run, byName: {} });
  const current = remembered.run === run ? remembered.byName : {};
  // The furthest point moves on every frame while playing; only whether it fell behind a
  // remembered violation (a fork) matters here, so that is all this component subscribes to.
  const forkedBeforeOne = useLab((state) => Object.values(current).some((violation) => violation.atMs > state.furthestTimeMs));
  useEffect(() => {
    const furthestTimeMs = store.getState().furthestTimeMs;
    setRemembered((previous) => {
      const byName = previous.run === run ? { ...previous.byName } : {};
      let changed = previous.run !== run;
      for (const name of Object.keys(byName)) {
        if ((byName[name] as Violation).atMs > furthestTimeMs) {
          delete byName[name];
          changed = true;
        }
      }
      for (const invariant of invariants ?? []) {
        const first = firstViolation(invariant);
        if (first !== null && byName[invariant.name] === undefined) {
          byName[invariant.name] = first;
          changed = true;
        }
      }
      return changed ? { run, byName } : previous;
    });
  }, [invariants, run, forkedBeforeOne, store]);
  return current;
}

function statusOf(invariant: InvariantReport): 'holds' | 'pending' | 'violated' {
  if (!invariant.ok) return 'violated';
  return invariant.pending !== null ? 'pending' : 'holds';
}

function InvariantItem({ invariant, remembered }: { invariant: InvariantReport; remembered: Violation | null }) {
  const status = statusOf(invariant);
  const violation = firstViolation(invariant) ?? remembered;
  return (
    <li className={`invariant invariant--${status}`} title={invariant.description} data-testid="invariant" data-invariant={invariant.name} data-status={status}>
      <span className="invariant__status">{status === 'violated' ? `violated ×${invariant.violationCount}` : status}</span>
      <span className="invariant__name">
        {invariant.name} <span className="invariant__kind">{invariant.kind}</span>
      </span>
      {status === 'pending' && <span className="invariant__detail">{invariant.pending}</span>}
      {violation !== null && <ViolationActions invariant={invariant} violation={violation} later={status !== 'violated'} />}
    </li>
  );
}

function ViolationActions({ invariant, violation, later }: { invariant: InvariantReport; violation: Violation; later: boolean }) {
  const controller = useLabController();
  const store = useLabStore();
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);

  const jump = async (): Promise<void> => {
    controller.pause();
    const target = jumpTarget(invariant, violation);
    if (target.kind === 'event') {
      await controller.seekEvent(target.eventIndex);
      controller.selectMessage(messageOfEvent(store.getState().trace, target.eventIndex));
    } else {
      await controller.seek(target.atMs);
    }
  };

  const share = async (): Promise<void> => {
    const scenario = await controller.currentScenario(violation.atMs);
    if (scenario === null) return;
    const url = counterexampleUrl(window.location.href, scenario, violation);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard (permissions, an insecure page): the link is shown to copy by hand.
    }
    setLink({ url, copied });
  };

  return (
    <div className="invariant__violation">
      <span className="invariant__detail" data-testid="invariant-violation">
        {later ? 'Violated later, at' : 'At'} {formatTime(violation.atMs)} (event {violation.event}): {violation.message}
      </span>
      <div className="invariant__actions">
        <button type="button" className="button button--compact" data-testid="invariant-jump" onClick={() => void jump()}>
          Jump to it
        </button>
        <button type="button" className="button button--compact" data-testid="invariant-share" onClick={() => void share()}>
          Share this counterexample
        </button>
      </div>
      {link !== null && (
        <label className="invariant__link">
          <span>{link.copied ? 'Link copied:' : 'Copy this link:'}</span>
          <input type="text" readOnly value={link.url} data-testid="counterexample-url" onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}

/** When a violation stops the run, select the message its event concerned, so the diagram and inspector show it. */
function useHighlightViolation(): void {
  const controller = useLabController();
  const store = useLabStore();
  const stoppedAt = useLab((state) => (state.frame?.stoppedBy === 'violation' ? state.frame.eventIndex : null));
  useEffect(() => {
    if (stoppedAt === null) return;
    const messageId = messageOfEvent(store.getState().trace, stoppedAt);
    if (messageId !== null) controller.selectMessage(messageId);
  }, [stoppedAt, controller, store]);
}
