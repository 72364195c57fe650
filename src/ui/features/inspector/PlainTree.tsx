/**
 * Plain data (protocol state, payloads) as a collapsible tree of text. Objects and arrays
 * are <details> (keyboard and screen readers know them); leaves are text nodes, never
 * markup. Long arrays show their first and last entries with a count between, so a
 * 10,000-entry log does not become 10,000 DOM rows.
 */
import type { ReactNode } from 'react';

/** Entries shown at each end of a long array or object. */
const EDGE_ENTRIES = 25;

export interface PlainTreeProps {
  value: unknown;
  /** The root's label. */
  label: string;
  /** Levels open at first (the root is level 0). */
  openLevels?: number;
  testId?: string;
}

export function PlainTree({ value, label, openLevels = 1, testId }: PlainTreeProps) {
  return (
    <div className="plain-tree" data-testid={testId}>
      <TreeNode name={label} value={value} level={0} openLevels={openLevels} />
    </div>
  );
}

function TreeNode({ name, value, level, openLevels }: { name: string; value: unknown; level: number; openLevels: number }): ReactNode {
  if (value === null || typeof value !== 'object') {
    return (
      <div className="plain-tree__leaf">
        <span className="plain-tree__key">{name}</span>
        <span className={`plain-tree__value plain-tree__value--${value === null ? 'null' : typeof value}`}>{leafText(value)}</span>
      </div>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value as Record<string, unknown>);
  const summary = Array.isArray(value) ? `[${value.length}]` : `{${entries.length}}`;
  if (entries.length === 0) {
    return (
      <div className="plain-tree__leaf">
        <span className="plain-tree__key">{name}</span>
        <span className="plain-tree__value">{Array.isArray(value) ? '[]' : '{}'}</span>
      </div>
    );
  }
  const hidden = entries.length - EDGE_ENTRIES * 2;
  const shown = hidden > 0 ? [...entries.slice(0, EDGE_ENTRIES), null, ...entries.slice(-EDGE_ENTRIES)] : entries;
  return (
    <details className="plain-tree__branch" open={level < openLevels}>
      <summary>
        <span className="plain-tree__key">{name}</span> <span className="plain-tree__count">{summary}</span>
      </summary>
      <div className="plain-tree__children">
        {shown.map((entry) =>
          entry === null ? (
            <div key="…" className="plain-tree__elided">
              … {hidden.toLocaleString('en')} more …
            </div>
          ) : (
            <TreeNode key={entry[0]} name={entry[0]} value={entry[1]} level={level + 1} openLevels={openLevels} />
          ),
        )}
      </div>
    </details>
  );
}

function leafText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  return String(value);
}
