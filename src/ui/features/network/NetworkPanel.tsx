/**
 * The network panel: sliders for the default latency, jitter, loss, duplication and reorder
 * of every link, and presets (isolate a node, split brain, flaky network, heal all). A
 * slider shows the run's current value; dragging changes only the label, and the engine
 * action goes out once, when the slider is released (the input's native change event).
 */
import { useEffect, useRef, useState } from 'react';
import { useLab, useLabController } from '../../store/LabContext';
import type { Action } from '../../../worker/api';
import { healAction } from '../faults/faultActions';
import { SLIDERS, flakyNetworkAction, formatSetting, isolateAction, isolateTarget, settingAction, splitBrainAction, type SliderSpec } from './networkPresets';
import './network.css';

export function NetworkPanel() {
  const ready = useLab((state) => state.frame !== null);
  if (!ready) return <p className="muted">No run loaded.</p>;
  return (
    <div className="network-panel" data-testid="network-panel">
      {SLIDERS.map((spec) => (
        <NetworkSlider key={spec.key} spec={spec} />
      ))}
      <NetworkPresets />
    </div>
  );
}

function NetworkSlider({ spec }: { spec: SliderSpec }) {
  const controller = useLabController();
  const current = useLab((state) => state.frame?.network.defaults[spec.key] ?? 0);
  const [draft, setDraft] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const shown = draft ?? current;
  const maximum = Math.max(spec.maximum, current);

  useEffect(() => {
    const input = inputRef.current;
    if (input === null) return;
    // 'change' fires on release (mouse) or per key press, never per pixel of a drag.
    const onCommit = (): void => {
      const value = Number(input.value);
      setDraft(null);
      if (Number.isFinite(value)) void controller.apply(settingAction(spec.key, value));
    };
    input.addEventListener('change', onCommit);
    return () => input.removeEventListener('change', onCommit);
  }, [controller, spec.key]);

  const id = `network-${spec.key}`;
  return (
    <div className="network-slider">
      <label htmlFor={id} className="network-slider__label">
        <span>{spec.label}</span>
        <output className="network-slider__value" data-testid={`${id}-value`} htmlFor={id}>
          {formatSetting(spec, shown)}
        </output>
      </label>
      <input
        ref={inputRef}
        id={id}
        type="range"
        data-testid={id}
        min={spec.minimum}
        max={maximum}
        step={spec.step}
        value={shown}
        aria-valuetext={formatSetting(spec, shown)}
        onChange={(event) => setDraft(Number(event.target.value))}
      />
    </div>
  );
}

function NetworkPresets() {
  const controller = useLabController();
  const selectedNodeId = useLab((state) => state.selectedNodeId);
  const module = useLab((state) => state.module);
  // Primitive selections, so playback frames do not re-render the presets.
  const nodesKey = useLab((state) => state.frame?.nodes.map((node) => `${node.id}:${node.kind}`).join(',') ?? '');
  const jitterMs = useLab((state) => state.frame?.network.defaults.jitterMs ?? 0);
  const latencyMs = useLab((state) => state.frame?.network.defaults.latencyMs ?? 0);
  const nodes = nodesKey.split(',').filter((part) => part !== '').map((part) => {
    const [id, kind] = part.split(':');
    return { id: id as string, kind: kind === 'client' ? ('client' as const) : ('server' as const) };
  });
  const target = isolateTarget(selectedNodeId, module);
  const splitBrain = splitBrainAction(nodes);
  const apply = (action: Action | null): void => {
    if (action !== null) void controller.apply(action);
  };
  return (
    <div className="network-presets" role="group" aria-label="Network presets">
      <button
        type="button"
        className="button"
        data-testid="preset-isolate"
        disabled={target === null}
        title={target === null ? 'Select a node on the canvas first' : undefined}
        onClick={() => apply(target === null ? null : isolateAction(target))}
      >
        Isolate {target === null ? 'a node' : target === '@leader' ? 'the leader' : target}
      </button>
      <button type="button" className="button" data-testid="preset-split-brain" disabled={splitBrain === null} onClick={() => apply(splitBrain)}>
        Split brain
      </button>
      <button type="button" className="button" data-testid="preset-flaky" onClick={() => apply(flakyNetworkAction({ latencyMs, jitterMs }))}>
        Flaky network
      </button>
      <button type="button" className="button" data-testid="preset-heal" onClick={() => apply(healAction())}>
        Heal all
      </button>
    </div>
  );
}
