import { describe, expect, it } from 'vitest';
import { MESSAGE_PALETTE_SIZE, messageColorCss, messagePaletteSlot } from './messageColors';

describe('message colours', () => {
  it('gives a type the same slot every time, within the palette', () => {
    for (const type of ['AppendEntries', 'Ping', '', 'ü<script>']) {
      const slot = messagePaletteSlot(type);
      expect(slot).toBe(messagePaletteSlot(type));
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(slot).toBeLessThan(MESSAGE_PALETTE_SIZE);
    }
    expect(messageColorCss('Ping')).toBe(`var(--faultline-message-color-${messagePaletteSlot('Ping')})`);
  });

  it("separates the current modules' main message types", () => {
    const groups = [
      ['AppendEntries', 'AppendEntriesResponse', 'RequestVote', 'RequestVoteResponse'],
      ['Ping', 'Pong'],
    ];
    for (const types of groups) expect(new Set(types.map(messagePaletteSlot)).size).toBe(types.length);
  });
});
