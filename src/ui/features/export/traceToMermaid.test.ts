import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TraceEvent, TraceKind } from '../../../engine';
import { traceToMermaid } from './traceToMermaid';
import { isInertMermaidText, sanitizeMermaidText } from './mermaidText';

let nextIndex = 0;
function event(timeMs: number, kind: TraceKind, node: string, peer: string | null, messageId = 0, messageType: string | null = null, detail: string | null = null): TraceEvent {
  const index = nextIndex++;
  return { index, event: index, time: timeMs * 1000, kind, node, peer, messageId, messageType, detail };
}

const HOSTILE = [
  'n1\nclick P0 call alert(1)',
  'x; click P1 href "javascript:alert(1)"',
  '%%{init: {"securityLevel": "loose", "theme": "dark"}}%%',
  '<img src=x onerror=alert(1)>',
  '#60;script#62;alert(1)#60;/script#62;',
  'end\nloop forever',
  'a\r\nNote over P0: injected',
  '$$\\alpha$$ `markdown` &lt;b&gt;',
  'link P0: evil @ javascript:alert(1)',
  '\u202Eevil\u2066bidi\u0000nul\u2028sep',
];

/** Every line must be one the mapper writes itself, with nothing after it that could be syntax. */
const LINE_SHAPES = [
  /^sequenceDiagram$/,
  /^ {2}participant P\d+ as (.+)$/,
  /^ {2}P\d+(?:->>|-x|-\))P\d+: (.+)$/,
  /^ {2}Note over P\d+(?:,P\d+)?: (.+)$/,
];

function assertWellFormed(text: string): void {
  const lines = text.trimEnd().split('\n');
  for (const line of lines) {
    const shape = LINE_SHAPES.find((pattern) => pattern.test(line));
    expect(shape, `unexpected line: ${JSON.stringify(line)}`).toBeDefined();
    const payload = shape!.exec(line)![1];
    if (payload !== undefined) expect(isInertMermaidText(payload), `payload not inert: ${JSON.stringify(payload)}`).toBe(true);
  }
}

describe('traceToMermaid', () => {
  const trace = [
    event(1, 'send', 'n1', 'n2', 1, 'AppendEntries'),
    event(2, 'deliver', 'n2', 'n1', 1, 'AppendEntries'),
    event(3, 'send', 'n2', 'n1', 2, 'AppendEntriesResponse'),
    event(3, 'drop', 'n2', 'n1', 2, 'AppendEntriesResponse', 'lost'),
    event(4, 'fault', 'n3', null, 0, null, 'crash'),
    event(5, 'state', 'n1', null, 0, null, 'became leader term 2'),
    event(6, 'fault', '*', null, 0, null, 'partition n1 | n2,n3'),
    event(7, 'timer', 'n2', null, 0, null, 'election'),
    event(8, 'send', 'n1', 'n3', 3, 'AppendEntries'),
    event(9, 'duplicate', 'n1', 'n3', 4, 'AppendEntries', 'copy of #3'),
  ];

  it('writes participants, delivered, dropped and in-flight arrows and notes in time order', () => {
    expect(traceToMermaid(trace, { fromMs: 0, toMs: 100, nodes: ['n1', 'n2', 'n3'] })).toBe(
      [
        'sequenceDiagram',
        '  participant P0 as n1',
        '  participant P1 as n2',
        '  participant P2 as n3',
        '  P0->>P1: AppendEntries',
        '  P1-xP0: AppendEntriesResponse (dropped: lost)',
        '  Note over P2: fault: crash',
        '  Note over P0: became leader term 2',
        '  Note over P0,P2: fault: partition n1 | n2,n3',
        '  P0-)P2: AppendEntries (in flight)',
        '  P0-)P2: AppendEntries (copy) (in flight)',
        '',
      ].join('\n'),
    );
  });

  it('keeps only the time window, the chosen nodes, and timers when asked', () => {
    const text = traceToMermaid(trace, { fromMs: 2.5, toMs: 7, nodes: ['n1', 'n2'], includeTimers: true });
    expect(text).toContain('P1-xP0: AppendEntriesResponse');
    expect(text).not.toContain('->>');
    expect(text).not.toContain('crash');
    expect(text).toContain('Note over P1: timer: election');
    expect(text).toContain('Note over P0,P1: fault: partition');
  });

  it('caps the number of messages and says how many were left out', () => {
    const many = Array.from({ length: 50 }, (_, position) => event(position, 'send', 'a', 'b', position + 100, 'Ping'));
    const text = traceToMermaid(many, { fromMs: 0, toMs: 100, maxMessages: 10 });
    expect(text.match(/-\)/g)).toHaveLength(10);
    expect(text).toContain('Note over P0,P1: 40 more messages omitted');
  });

  it('neutralizes hostile node ids, message types and details', () => {
    const nodes = HOSTILE.slice(0, 4);
    const hostileTrace = HOSTILE.flatMap((text, position) => {
      const from = nodes[position % nodes.length]!;
      const to = nodes[(position + 1) % nodes.length]!;
      return [
        event(position * 10, 'send', from, to, 1000 + position, text),
        event(position * 10 + 1, 'drop', from, to, 1000 + position, text, text),
        event(position * 10 + 2, 'fault', from, null, 0, null, text),
        event(position * 10 + 3, 'state', to, null, 0, null, text),
      ];
    });
    const text = traceToMermaid(hostileTrace, { fromMs: 0, toMs: 1000, nodes });
    assertWellFormed(text);
    expect(text).not.toMatch(/%%|[<>#;{}"`$\\]|\r|\u202E/);
    expect(text.includes("\u0000")).toBe(false);
    expect(text.split('\n').filter((line) => /^\s*(click|call|link|end|loop)\b/.test(line))).toEqual([]);
  });

  it('stays well-formed for any text (seed 20240607)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), (node, detail) => {
        const nodes = [node, `${node}x`];
        const text = traceToMermaid(
          [event(1, 'send', nodes[0]!, nodes[1]!, 1, detail), event(2, 'drop', nodes[0]!, nodes[1]!, 1, detail, detail), event(3, 'fault', nodes[1]!, null, 0, null, detail)],
          { fromMs: 0, toMs: 10, nodes },
        );
        assertWellFormed(text);
      }),
      { seed: 20240607, numRuns: 300 },
    );
  });
});

describe('sanitizeMermaidText', () => {
  it('replaces syntax characters by lookalikes and collapses whitespace', () => {
    expect(sanitizeMermaidText('copy of #12; <b>"x"</b>\n\t100%')).toBe("copy of ＃12, ‹b›'x'‹/b› 100％");
  });

  it('bounds the length without splitting a surrogate pair, and never returns empty text', () => {
    expect(Array.from(sanitizeMermaidText('𝒜'.repeat(100), 10))).toHaveLength(10);
    expect(sanitizeMermaidText('\n\u0000;'.replace(';', ''))).toBe('?');
  });
});
