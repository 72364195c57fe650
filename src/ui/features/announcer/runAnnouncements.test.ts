import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../worker/api';
import { actionAnnouncement, loadAnnouncement } from './runAnnouncements';

const frame = {
  timeMs: 1_200,
  nodes: [
    { id: 'n1', kind: 'server', status: 'up' },
    { id: 'n2', kind: 'server', status: 'crashed' },
  ],
} as unknown as Frame;

describe('screen-reader announcements', () => {
  it('announce a run once, when loading finishes', () => {
    const next = { status: 'ready' as const, scenarioTitle: 'Raft: election', module: { name: 'raft', title: 'Raft', description: '' }, frame };
    expect(loadAnnouncement({ status: 'loading' }, next)).toBe('Loaded Raft: election (Raft): 2 nodes.');
    expect(loadAnnouncement({ status: 'ready' }, next)).toBeNull();
    expect(loadAnnouncement({ status: 'restoring' }, next)).toBeNull();
  });

  it('say what the user did to a node and the status it is in now', () => {
    expect(actionAnnouncement({ at: 1_200, type: 'crash', node: 'n2' }, frame)).toBe('n2 crashed by you at 1.200 s; it is now crashed.');
    expect(actionAnnouncement({ at: 1_200, type: 'restart', node: 'n1' }, frame)).toBe('n1 restarted by you at 1.200 s; it is now up.');
  });

  it('leave other actions to their own views (links, messages, client requests)', () => {
    expect(actionAnnouncement({ at: 1_200, type: 'cut', from: 'n1', to: 'n2' }, frame)).toBeNull();
    expect(actionAnnouncement({ at: 1_200, type: 'drop', message: 4 }, frame)).toBeNull();
  });
});
