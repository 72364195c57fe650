/**
 * A node's fault menu: crash or restart, pause or resume, force the module's timeout (when it
 * has one), skew the clock (a small form), isolate. Each choice is one engine action applied
 * at the current virtual time.
 */
import { useState } from 'react';
import { useLab, useLabController } from '../../store/LabContext';
import { selectNode } from '../../store/selectors';
import type { Action } from '../../../worker/api';
import { nodeChoices, skewClockAction } from './faultActions';
import { FaultMenu, MenuItem, type MenuPlacement } from './FaultMenu';

interface NodeMenuProps {
  nodeId: string;
  placement: MenuPlacement;
  onClose: () => void;
}

export function NodeMenu({ nodeId, placement, onClose }: NodeMenuProps) {
  const controller = useLabController();
  const node = useLab(selectNode(nodeId));
  const module = useLab((state) => state.module);
  const [skewing, setSkewing] = useState(false);
  if (node === undefined) return null;
  const apply = (action: Action): void => {
    void controller.apply(action);
    onClose();
  };
  return (
    <FaultMenu label={`Faults for ${nodeId}`} testId="node-menu" placement={placement} onClose={onClose}>
      <div className="fault-menu__title">
        {nodeId} <span className={`status-badge status-badge--${node.status}`}>{node.status}</span>
      </div>
      {nodeChoices(node, module).map((choice) => (
        <MenuItem key={choice.id} testId={`node-menu-${choice.id}`} onSelect={() => apply(choice.action)}>
          {choice.label}
        </MenuItem>
      ))}
      {skewing ? (
        <SkewClockForm nodeId={nodeId} initialSkewMs={node.clock.skewMs} initialDriftPpm={node.clock.driftPpm} onApply={apply} />
      ) : (
        <MenuItem testId="node-menu-skew" onSelect={() => setSkewing(true)}>
          Skew clock…
        </MenuItem>
      )}
    </FaultMenu>
  );
}

function SkewClockForm(props: { nodeId: string; initialSkewMs: number; initialDriftPpm: number; onApply: (action: Action) => void }) {
  const [skewMs, setSkewMs] = useState(String(props.initialSkewMs));
  const [driftPpm, setDriftPpm] = useState(String(props.initialDriftPpm));
  const skew = Number(skewMs);
  const drift = Number(driftPpm);
  const valid = skewMs.trim() !== '' && driftPpm.trim() !== '' && Number.isFinite(skew) && Number.isFinite(drift);
  return (
    <form
      className="fault-menu__form"
      data-testid="skew-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) props.onApply(skewClockAction(props.nodeId, skew, drift));
      }}
    >
      <label>
        <span>Skew (ms)</span>
        <input type="number" step="any" value={skewMs} data-testid="skew-ms" autoFocus onChange={(event) => setSkewMs(event.target.value)} />
      </label>
      <label>
        <span>Drift (ppm)</span>
        <input type="number" step="any" value={driftPpm} data-testid="drift-ppm" onChange={(event) => setDriftPpm(event.target.value)} />
      </label>
      <button type="submit" className="button button--primary" data-testid="skew-apply" disabled={!valid}>
        Apply skew
      </button>
    </form>
  );
}
