/**
 * The fallback node card: id, kind, status and the first few top-level fields of the
 * node's state (or, while crashed, of what survives the crash). Values are rendered as text
 * only; nested values are summarised, never expanded.
 */
import type { NodeCardProps } from '../registry';

const FIELD_LIMIT = 5;
const TEXT_LIMIT = 28;

export function GenericNodeCard({ node }: NodeCardProps) {
  const source = node.status === 'crashed' ? node.persistent : node.state;
  const fields = topLevelFields(source).slice(0, FIELD_LIMIT);
  return (
    <div className="node-card__body">
      <div className="node-card__header">
        <span className="node-card__id">{node.id}</span>
        <span className={`status-badge status-badge--${node.status}`} data-testid={`node-status-${node.id}`}>
          {node.status}
        </span>
      </div>
      {node.status === 'crashed' && <div className="node-card__caption">persistent state</div>}
      <dl className="node-card__fields">
        {fields.map(([name, value]) => (
          <div className="node-card__field" key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The object's own fields as [name, short text] pairs, in the object's order. */
export function topLevelFields(value: unknown): Array<[string, string]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([name, field]) => [name, summarize(field)]);
}

export function summarize(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.length}]`;
  switch (typeof value) {
    case 'string':
      return value.length > TEXT_LIMIT ? `${value.slice(0, TEXT_LIMIT)}…` : value;
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return `{${Object.keys(value).length}}`;
    default:
      return typeof value;
  }
}
