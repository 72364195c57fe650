/**
 * The messages in flight over the canvas, in one of two forms:
 *  - paused: an SVG in React Flow's viewport portal (so it follows pan and zoom with no work
 *    of ours), one circle per message with its id, a title and the selection: the form to
 *    inspect, hover and click;
 *  - playing: one canvas (PlayingMessageCanvas), because hundreds of dots that move and come
 *    and go every frame cost hundreds of DOM changes a frame as SVG elements.
 * Both are redrawn from direct store subscriptions, not through React renders. Node
 * rectangles come from React Flow's measurements, the same ones the link lanes use, so
 * messages ride exactly on the lanes.
 */
import { useEffect, useMemo, useRef } from 'react';
import { ViewportPortal, useStore as useFlowStore } from '@xyflow/react';
import { useLab, useLabController, useLabStore } from '../../store/LabContext';
import { labUpdates } from '../../store/labStore';
import { selectPlaying } from '../../store/selectors';
import type { NodeRect } from './laneGeometry';
import { parseRects, rectsKey } from './nodeRects';
import { messageMarks } from './messagePositions';
import { createMessageLayer } from './messageLayer';
import { PlayingMessageCanvas } from './PlayingMessageCanvas';
// Reduced motion: the system's setting or the display menu's switch (messages then sit still mid-link).
import { useReducedMotion } from '../display/useDisplayPreferences';

export function MessageOverlay() {
  const playing = useLab(selectPlaying);
  const key = useFlowStore(rectsKey);
  const rects = useMemo(() => parseRects(key), [key]);
  return playing ? <PlayingMessageCanvas rects={rects} /> : <PausedMessageLayer rects={rects} />;
}

function PausedMessageLayer({ rects }: { rects: ReadonlyMap<string, NodeRect> }) {
  const store = useLabStore();
  const controller = useLabController();
  const reducedMotion = useReducedMotion();
  const groupRef = useRef<SVGGElement>(null);

  useEffect(() => {
    const group = groupRef.current;
    if (group === null) return;
    const layer = createMessageLayer(group, (messageId) => {
      // Acting on a message needs the world to hold still.
      controller.pause();
      store.setState(labUpdates.selectMessage(messageId));
    });
    const draw = (): void => {
      const { frame, selectedMessageId } = store.getState();
      if (frame === null) return layer.draw([], null, () => '');
      const byId = new Map(frame.inFlight.map((message) => [message.id, message]));
      const describe = (id: number): string => {
        const message = byId.get(id);
        return message === undefined ? '' : `${message.type} #${id} ${message.from}→${message.to}${message.held ? ' (held)' : ''}`;
      };
      layer.draw(messageMarks(frame.inFlight, frame.timeMs, rects, reducedMotion), selectedMessageId, describe);
    };
    draw();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.frame !== previous.frame || state.selectedMessageId !== previous.selectedMessageId) draw();
    });
    return () => {
      unsubscribe();
      layer.dispose();
    };
  }, [store, controller, rects, reducedMotion]);

  return (
    <ViewportPortal>
      <svg className="message-overlay" data-testid="flight-overlay" width={1} height={1} aria-hidden="true">
        <g ref={groupRef} />
      </svg>
    </ViewportPortal>
  );
}
