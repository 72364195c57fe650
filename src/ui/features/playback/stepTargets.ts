/** The kinds "step to the next event of a kind" offers, in the order the menu lists them. */
import type { StepTarget } from '../../../worker/api';

export const STEP_TARGETS: readonly { target: StepTarget; label: string }[] = [
  { target: 'send', label: 'send' },
  { target: 'deliver', label: 'delivery' },
  { target: 'drop', label: 'drop' },
  { target: 'duplicate', label: 'duplicate' },
  { target: 'timer', label: 'timer' },
  { target: 'state', label: 'state change' },
  { target: 'fault', label: 'fault' },
  { target: 'client', label: 'client operation' },
  { target: 'violation', label: 'violation' },
];

export function stepTargetLabel(target: StepTarget): string {
  return STEP_TARGETS.find((entry) => entry.target === target)?.label ?? target;
}
