/**
 * React binding for the space-time diagram core: creates it once, feeds it props, destroys
 * it on unmount. Plain props, no store access, so any shell can mount it.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { TraceEvent } from '../../../engine';
import { createSpaceTimeDiagram, type SpaceTimeDiagram as DiagramCore } from './spaceTimeDiagram';
import { traceToDiagram } from './traceToDiagram';
import './timeline.css';

export interface SpaceTimeDiagramProps {
  /** Trace events in order (as kept by the engine: possibly a suffix of the run). */
  trace: readonly TraceEvent[];
  /** Lane order; nodes seen in the trace but missing here get lanes after these. */
  nodes: readonly string[];
  currentTimeMs: number;
  /** Where the whole-run view starts (default 0); see SpaceTimeDiagramData.startTimeMs. */
  startTimeMs?: number;
  selectedMessageId?: number | null;
  /** Timers are frequent (heartbeats); off by default. */
  showTimers?: boolean;
  /** Above this many visible messages, arrows are aggregated. */
  maxArrows?: number;
  onSelectMessage?: (messageId: number) => void;
  onSeek?: (timeMs: number) => void;
  className?: string;
}

export function SpaceTimeDiagram({ trace, nodes, currentTimeMs, startTimeMs = 0, selectedMessageId = null, showTimers = false, maxArrows, onSelectMessage, onSeek, className }: SpaceTimeDiagramProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const coreRef = useRef<DiagramCore | null>(null);
  const callbacksRef = useRef({ onSelectMessage, onSeek });
  useEffect(() => {
    callbacksRef.current = { onSelectMessage, onSeek };
  }, [onSelectMessage, onSeek]);

  // Lane order by value, not array identity: a parent may pass a fresh array each render.
  const nodesKey = nodes.join('\u0000');
  const diagram = useMemo(() => traceToDiagram(trace, { nodes: nodesKey === '' ? [] : nodesKey.split('\u0000') }), [trace, nodesKey]);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const core = createSpaceTimeDiagram(
      container,
      {
        onSelectMessage: (messageId) => callbacksRef.current.onSelectMessage?.(messageId),
        onSeek: (timeMs) => callbacksRef.current.onSeek?.(timeMs),
      },
      { maxArrows },
    );
    coreRef.current = core;
    return () => {
      core.destroy();
      coreRef.current = null;
    };
  }, [maxArrows]);

  useEffect(() => {
    coreRef.current?.update({ diagram, currentTimeMs, selectedMessageId, showTimers, startTimeMs });
  }, [diagram, currentTimeMs, selectedMessageId, showTimers, maxArrows, startTimeMs]);

  return <div ref={containerRef} className={className} />;
}
