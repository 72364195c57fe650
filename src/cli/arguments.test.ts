import { describe, expect, it } from 'vitest';
import { parseArguments, parseMillisecondList, parseSeedRange } from './arguments';
import { InputError } from './inputError';

function problemOf(body: () => unknown): string {
  try {
    body();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseArguments', () => {
  const accepted = { until: 'value', json: 'flag' } as const;

  it('reads positionals, --name value, --name=value and flags', () => {
    const parsed = parseArguments(['a.json', '--until', '500', '--json', 'b'], accepted);
    expect(parsed.positionals).toEqual(['a.json', 'b']);
    expect(parsed.values).toEqual({ until: '500' });
    expect([...parsed.flags]).toEqual(['json']);
    expect(parseArguments(['--until=7'], accepted).values).toEqual({ until: '7' });
  });

  it('names the option in every error', () => {
    expect(problemOf(() => parseArguments(['--speed', '3'], accepted))).toMatch(/^--speed: unknown option/);
    expect(problemOf(() => parseArguments(['--until'], accepted))).toBe('--until: needs a value');
    expect(problemOf(() => parseArguments(['--json=yes'], accepted))).toBe('--json: takes no value');
  });
});

describe('option values', () => {
  it('sorts and deduplicates --at times', () => {
    expect(parseMillisecondList('--at', '300, 100,300,0.5')).toEqual([0.5, 100, 300]);
    expect(problemOf(() => parseMillisecondList('--at', '100,-1'))).toMatch(/^--at: must be a virtual time/);
    expect(problemOf(() => parseMillisecondList('--at', '100,,200'))).toMatch(/^--at: /);
  });

  it('reads seed ranges, inclusive', () => {
    expect(parseSeedRange('--seeds', '3..9')).toEqual({ from: 3, to: 9 });
    expect(parseSeedRange('--seeds', '42')).toEqual({ from: 42, to: 42 });
    expect(problemOf(() => parseSeedRange('--seeds', '9..3'))).toMatch(/ends before it starts/);
    expect(problemOf(() => parseSeedRange('--seeds', '1-5'))).toMatch(/must be a range like 1\.\.100/);
    expect(problemOf(() => parseSeedRange('--seeds', '0..4294967296'))).toMatch(/32-bit/);
  });
});
