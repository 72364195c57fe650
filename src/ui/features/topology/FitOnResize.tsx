/**
 * Keeps the whole cluster in view when the canvas changes size (the dock resized or hidden,
 * the window turned): React Flow fits the view only once, on its first render. The fit is
 * instant (no animated pan), so it needs no reduced-motion variant.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';

const sizeKey = (state: ReactFlowState): string => `${Math.round(state.width)}x${Math.round(state.height)}`;

/** Resizes closer together than this (a drag) fit once, at the end. */
const SETTLE_MS = 120;

export function FitOnResize() {
  const size = useStore(sizeKey);
  const flow = useReactFlow();
  const previous = useRef<string | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = size;
    if (before === null || before === size || size.startsWith('0x') || size.endsWith('x0')) return;
    const timer = window.setTimeout(() => void flow.fitView({ padding: 0.2 }), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [size, flow]);

  return null;
}
