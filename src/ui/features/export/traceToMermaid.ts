/**
 * Pure mapper from a trace time window to Mermaid `sequenceDiagram` source: one participant
 * per node, an arrow per message sent in the window (`->>` delivered, `-x` dropped, `-)` still
 * in flight when the trace ends), and notes for faults and state changes, in time order.
 *
 * Participants get generated ids (P0, P1, ...) and the node id only as a sanitized display
 * alias, so no user-provided text is ever parsed as an identifier; all other text goes
 * through sanitizeMermaidText (see mermaidText.ts for why that is enough).
 *
 * No DOM, no mermaid import: this runs in Node tests and decides what the component renders.
 */
import type { TraceEvent } from '../../../engine';
import { sanitizeMermaidText } from './mermaidText';

export interface MermaidExportOptions {
  fromMs: number;
  toMs: number;
  /** Participants in this order; events of other nodes are left out. Default: nodes in order of appearance. */
  nodes?: readonly string[];
  /** Messages beyond this are omitted, with a note saying how many. */
  maxMessages?: number;
  /** Timer firings as notes too (off by default: heartbeats would bury the rest). */
  includeTimers?: boolean;
}

export const DEFAULT_MAX_MESSAGES = 200;

interface Statement {
  timeUs: number;
  traceIndex: number;
  line: string;
}

interface MessageEnd {
  kind: 'deliver' | 'drop';
  detail: string | null;
}

export function traceToMermaid(trace: readonly TraceEvent[], options: MermaidExportOptions): string {
  const fromUs = options.fromMs * 1000;
  const toUs = options.toMs * 1000;
  const maxMessages = Math.max(0, Math.floor(options.maxMessages ?? DEFAULT_MAX_MESSAGES));
  const nodes = [...new Set(options.nodes ?? nodesInOrderOfAppearance(trace))].filter((node) => node !== '*');
  const participantOf = new Map<string, string>(nodes.map((node, position) => [node, `P${position}`]));
  const endOf = messageEnds(trace);

  const statements: Statement[] = [];
  let messageCount = 0;
  let omitted = 0;
  for (const event of trace) {
    if (event.time < fromUs || event.time > toUs) continue;
    if (event.kind === 'send' || event.kind === 'duplicate') {
      const from = participantOf.get(event.node);
      const to = event.peer === null ? undefined : participantOf.get(event.peer);
      if (from === undefined || to === undefined) continue;
      if (messageCount >= maxMessages) {
        omitted++;
        continue;
      }
      messageCount++;
      statements.push({ timeUs: event.time, traceIndex: event.index, line: messageLine(event, from, to, endOf.get(event.messageId)) });
    } else if (event.kind === 'fault' || event.kind === 'state' || (event.kind === 'timer' && options.includeTimers === true)) {
      const line = noteLine(event, participantOf, nodes);
      if (line !== null) statements.push({ timeUs: event.time, traceIndex: event.index, line });
    }
  }
  // Trace order is already time order; the sort only makes that explicit and stable.
  statements.sort((left, right) => left.timeUs - right.timeUs || left.traceIndex - right.traceIndex);

  const lines = ['sequenceDiagram'];
  nodes.forEach((node, position) => lines.push(`  participant P${position} as ${sanitizeMermaidText(node, 40)}`));
  for (const statement of statements) lines.push(`  ${statement.line}`);
  if (omitted > 0 && nodes.length > 0) lines.push(`  Note over ${spanAll(nodes)}: ${omitted} more messages omitted`);
  return `${lines.join('\n')}\n`;
}

function nodesInOrderOfAppearance(trace: readonly TraceEvent[]): string[] {
  const seen = new Set<string>();
  for (const event of trace) {
    if (event.node !== '*') seen.add(event.node);
    if (event.peer !== null && event.peer !== '*') seen.add(event.peer);
  }
  return [...seen];
}

/** How each message ended, wherever in the trace (a message sent in the window may arrive after it). */
function messageEnds(trace: readonly TraceEvent[]): Map<number, MessageEnd> {
  const ends = new Map<number, MessageEnd>();
  for (const event of trace) {
    if (event.kind === 'deliver' || event.kind === 'drop') ends.set(event.messageId, { kind: event.kind, detail: event.detail });
  }
  return ends;
}

function messageLine(event: TraceEvent, from: string, to: string, end: MessageEnd | undefined): string {
  const type = sanitizeMermaidText(event.messageType ?? 'message', 40);
  const copy = event.kind === 'duplicate' ? ' (copy)' : '';
  if (end?.kind === 'deliver') return `${from}->>${to}: ${type}${copy}`;
  if (end?.kind === 'drop') return `${from}-x${to}: ${type}${copy} (dropped: ${sanitizeMermaidText(end.detail ?? 'dropped', 40)})`;
  return `${from}-)${to}: ${type}${copy} (in flight)`;
}

function noteLine(event: TraceEvent, participantOf: ReadonlyMap<string, string>, nodes: readonly string[]): string | null {
  const text = sanitizeMermaidText(`${event.kind === 'state' ? '' : `${event.kind}: `}${event.detail ?? event.kind}`);
  if (event.node === '*') return nodes.length === 0 ? null : `Note over ${spanAll(nodes)}: ${text}`;
  const participant = participantOf.get(event.node);
  return participant === undefined ? null : `Note over ${participant}: ${text}`;
}

/** "P0,P3": a note spanning every participant. */
function spanAll(nodes: readonly string[]): string {
  return nodes.length === 1 ? 'P0' : `P0,P${nodes.length - 1}`;
}
