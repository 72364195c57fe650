/**
 * The key-value panel: each server's replicated store, keys down and servers across. A
 * server that applied fewer entries than the most advanced one shows how far behind it is;
 * one that lags by several entries is highlighted, and so are its values that differ: that is
 * what a stale read (readPath unsafe-any-node) returns.
 */
import { useLab } from '../../store/LabContext';
import { keyValueTable } from './keyValues';

const VALUE_CHARACTERS = 14;

export function KeyValuePanel() {
  const frame = useLab((state) => state.frame);
  if (frame === null) return <p className="muted">No run loaded.</p>;
  const table = keyValueTable(frame);
  if (table.columns.length === 0) return <p className="muted">No servers.</p>;
  return (
    <div className="raft-kv" data-testid="raft-kv">
      <table className="raft-kv__table">
        <caption className="raft-visually-hidden">Key-value store of each server; lagging servers are marked</caption>
        <thead>
          <tr>
            <th scope="col">key</th>
            {table.columns.map((column) => (
              <th
                scope="col"
                key={column.id}
                className={`raft-kv__server${column.lagging ? ' raft-kv__server--lagging' : column.lag > 0 ? ' raft-kv__server--behind' : ''}${column.lastApplied === null ? ' raft-kv__server--down' : ''}`}
                data-testid={`raft-kv-server-${column.id}`}
                data-lag={column.lag}
                data-lagging={column.lagging}
                title={column.lastApplied === null ? `${column.id} is crashed` : `${column.id} applied ${column.lastApplied} entries${column.lag > 0 ? `, ${column.lag} behind` : ''}`}
              >
                {column.id}
                {column.isLeader && <span aria-label=" (leader)"> ★</span>}
                <span className="raft-kv__applied">{column.lastApplied === null ? 'down' : `@${column.lastApplied}${column.lag > 0 ? ` −${column.lag}` : ''}`}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.keys.length === 0 && (
            <tr>
              <td colSpan={table.columns.length + 1} className="muted">
                No keys written yet.
              </td>
            </tr>
          )}
          {table.keys.map((key, keyIndex) => (
            <tr key={key} data-testid={`raft-kv-key-${key}`}>
              <th scope="row" className="raft-kv__key">
                {key}
              </th>
              {table.columns.map((column, columnIndex) => {
                const cell = table.cells[keyIndex]?.[columnIndex];
                const value = cell?.value ?? null;
                return (
                  <td key={column.id} className={`raft-kv__value${cell?.stale ? ' raft-kv__value--stale' : cell?.differs ? ' raft-kv__value--differs' : ''}${column.lastApplied === null ? ' raft-kv__value--down' : ''}`} data-node={column.id} title={value ?? 'absent'}>
                    {column.lastApplied === null ? '—' : value === null ? '∅' : abbreviate(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function abbreviate(value: string): string {
  return value.length > VALUE_CHARACTERS ? `…${value.slice(-VALUE_CHARACTERS)}` : value;
}
