/**
 * The React binding of the playing message layer (messageCanvas.ts): a canvas over the whole
 * flow, redrawn from direct subscriptions to the lab store (each frame) and to React Flow's
 * viewport (pan and zoom), never through React renders.
 *
 * The canvas takes no pointer events, so links, nodes and the pane keep theirs. A click is
 * caught on the way down (capture phase, on React Flow's wrapper) and hit-tested against the
 * dots last painted: on a dot it selects the message and pauses, as clicking an SVG dot does;
 * anywhere else it goes on to whatever is under it.
 */
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useLabController, useLabStore } from '../../store/LabContext';
import { labUpdates } from '../../store/labStore';
import { useDisplayPreferences, useReducedMotion } from '../display/useDisplayPreferences';
import { dotsBox } from './dotsBox';
import type { NodeRect } from './laneGeometry';
import { DOT_REACH, createMessageCanvas } from './messageCanvas';
import { messageMarks } from './messagePositions';

/** Set on React Flow's wrapper while the pointer is over a dot, for the pointer cursor. */
const OVER_DOT_CLASS = 'message-canvas--over-dot';

export function PlayingMessageCanvas({ rects }: { rects: ReadonlyMap<string, NodeRect> }) {
  const store = useLabStore();
  const controller = useLabController();
  const flow = useStoreApi();
  const reducedMotion = useReducedMotion();
  // Colours are read from the theme when the layer is made; a theme change makes it again.
  const scheme = useDisplayPreferences().scheme;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const probeRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const probe = probeRef.current;
    const wrapper = canvas?.parentElement;
    if (canvas === null || probe === null || wrapper === null || wrapper === undefined) return;
    const layer = createMessageCanvas(canvas, probe);
    // The flow's size, kept from the resize observer so a frame reads no layout.
    let area = { width: wrapper.clientWidth, height: wrapper.clientHeight };
    const draw = (): void => {
      const { frame, selectedMessageId } = store.getState();
      const [translateX, translateY, zoom] = flow.getState().transform;
      const viewport = { translateX, translateY, zoom };
      const marks = frame === null ? [] : messageMarks(frame.inFlight, frame.timeMs, rects, reducedMotion);
      layer.draw(marks, selectedMessageId, viewport, dotsBox(rects.values(), viewport, area, DOT_REACH));
      // For the benchmark's recorder and tests: how many dots this frame shows.
      canvas.dataset.messageCount = String(marks.length);
    };
    const messageUnder = (event: MouseEvent): number | null => {
      if ((event.target as Element | null)?.closest('.react-flow__panel') != null) return null;
      const bounds = canvas.getBoundingClientRect();
      return layer.messageAt(event.clientX - bounds.left, event.clientY - bounds.top);
    };
    const onClick = (event: MouseEvent): void => {
      const messageId = messageUnder(event);
      if (messageId === null) return;
      event.stopPropagation();
      event.preventDefault();
      // Acting on a message needs the world to hold still.
      controller.pause();
      store.setState(labUpdates.selectMessage(messageId));
    };
    const onPointerMove = (event: PointerEvent): void => {
      const over = messageUnder(event) !== null;
      if (wrapper.classList.contains(OVER_DOT_CLASS) !== over) wrapper.classList.toggle(OVER_DOT_CLASS, over);
    };
    draw();
    const unsubscribeLab = store.subscribe((state, previous) => {
      if (state.frame !== previous.frame || state.selectedMessageId !== previous.selectedMessageId) draw();
    });
    const unsubscribeFlow = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform) draw();
    });
    const resizing = new ResizeObserver(() => {
      area = { width: wrapper.clientWidth, height: wrapper.clientHeight };
      draw();
    });
    resizing.observe(wrapper);
    wrapper.addEventListener('click', onClick, true);
    wrapper.addEventListener('pointermove', onPointerMove);
    return () => {
      unsubscribeLab();
      unsubscribeFlow();
      resizing.disconnect();
      wrapper.removeEventListener('click', onClick, true);
      wrapper.removeEventListener('pointermove', onPointerMove);
      wrapper.classList.remove(OVER_DOT_CLASS);
      layer.dispose();
    };
  }, [store, controller, flow, rects, reducedMotion, scheme]);

  return (
    <>
      <canvas ref={canvasRef} className="message-canvas" data-testid="flight-canvas" aria-hidden="true" />
      <span ref={probeRef} className="message-canvas__probe" aria-hidden="true" />
    </>
  );
}
