/** Each checker's status in the current frame: holds, pending (liveness, with the reason) or violated. */
import { useLab } from '../../store/LabContext';

export function InvariantList() {
  const invariants = useLab((state) => state.frame?.invariants);
  if (invariants === undefined) return <p className="muted">No run is open.</p>;
  if (invariants.length === 0) return <p className="muted">This module declares no checkers.</p>;
  return (
    <ul className="invariants" data-testid="invariants">
      {invariants.map((invariant) => {
        const status = !invariant.ok ? 'violated' : invariant.pending !== null ? 'pending' : 'holds';
        return (
          <li key={invariant.name} className={`invariant invariant--${status}`} title={invariant.description}>
            <span className="invariant__status">{status}</span>
            <span className="invariant__name">{invariant.name}</span>
            {status === 'pending' && <span className="invariant__detail">{invariant.pending}</span>}
            {status === 'violated' && <span className="invariant__detail">{invariant.violations[0]?.message}</span>}
          </li>
        );
      })}
    </ul>
  );
}
