import { describe, expect, it } from 'vitest';
import type { Frame, InFlightMessage } from '../../../worker/api';
import { HEALTHY_DIRECTION, linkStatesKey, parseLinkStates } from './frameIndex';

function frame(network: Pick<Frame['network'], 'cut' | 'held'>, inFlight: Array<Pick<InFlightMessage, 'from' | 'to' | 'held'>> = []): Frame {
  return { nodes: [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }], network, inFlight } as unknown as Frame;
}

describe('link states for the link layer', () => {
  it('names only the directions that are cut, held or have messages waiting; cut wins over held', () => {
    const states = parseLinkStates(
      linkStatesKey(
        frame(
          { cut: [{ from: 'n1', to: 'n2' }], held: [{ from: 'n1', to: 'n2' }, { from: 'n2', to: 'n3' }] },
          [
            { from: 'n2', to: 'n3', held: true },
            { from: 'n2', to: 'n3', held: true },
            { from: 'n3', to: 'n1', held: false },
          ],
        ),
      ),
    );
    expect(states.get('n1>n2')).toEqual({ state: 'cut', waiting: 0 });
    expect(states.get('n2>n3')).toEqual({ state: 'held', waiting: 2 });
    expect(states.get('n3>n1') ?? HEALTHY_DIRECTION).toEqual(HEALTHY_DIRECTION);
    expect(states.size).toBe(2);
  });

  it('is the same string for two frames that show the same, so the layer does not re-render', () => {
    const network = { cut: [{ from: 'n3', to: 'n1' }], held: [] };
    expect(linkStatesKey(frame(network))).toBe(linkStatesKey(frame({ ...network })));
    expect(linkStatesKey(frame({ cut: [], held: [] }))).toBe('');
  });
});
