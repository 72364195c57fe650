/**
 * What the screen-reader announcer says, as pure functions of the store and the user's
 * actions. Violations, forks, worker restarts and import results are announced by the
 * notice area (itself a polite live region), so they are not repeated here; this covers
 * what has no notice: a run that finished loading, and what the user just did to a node.
 */
import type { Action, Frame } from '../../../worker/api';
import type { LabState } from '../../store/labStore';
import { formatTime } from '../../controller/labController';

/** "Loaded …" when a run has just finished loading (not on every frame, not on a restore). */
export function loadAnnouncement(previous: Pick<LabState, 'status'>, next: Pick<LabState, 'status' | 'scenarioTitle' | 'module' | 'frame'>): string | null {
  if (previous.status !== 'loading' || next.status !== 'ready' || next.frame === null) return null;
  const title = next.scenarioTitle ?? 'an untitled scenario';
  const module = next.module === null ? '' : ` (${next.module.title})`;
  const nodes = next.frame.nodes.length;
  // No time here: a link with &t= loads at 0 and seeks afterwards; the playback bar says where it is.
  return `Loaded ${title}${module}: ${nodes} node${nodes === 1 ? '' : 's'}.`;
}

const NODE_ACTION_VERBS: Readonly<Record<string, string>> = {
  crash: 'crashed',
  restart: 'restarted',
  pause: 'paused',
  resume: 'resumed',
  timeout: 'timed out',
  'skew-clock': 'clock skewed',
  isolate: 'isolated',
};

/** "You crashed n2 at 1.200 s; it is now crashed." for a node fault the user applied, else null. */
export function actionAnnouncement(action: Action, frame: Frame): string | null {
  const record = action as { type: string; node?: unknown };
  const verb = NODE_ACTION_VERBS[record.type];
  if (verb === undefined || typeof record.node !== 'string') return null;
  const node = frame.nodes.find((candidate) => candidate.id === record.node);
  const status = node === undefined ? '' : `; it is now ${node.status}`;
  const subject = record.type === 'skew-clock' ? `${record.node}'s clock skewed` : `${record.node} ${verb}`;
  return `${subject} by you at ${formatTime(frame.timeMs)}${status}.`;
}
