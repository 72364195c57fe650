/**
 * One message: ids, type, route, when it was sent and delivered (or dropped, and why),
 * whether it is held, and its payload as a tree while it is still in flight. A delivered
 * message's payload is gone from the engine; "Show in flight" seeks back to its send.
 */
import { useMemo } from 'react';
import { useLab, useLabController } from '../../store/LabContext';
import { summarizeMessage } from './messageSummary';
import { Fact, formatNumber } from './NodeDetails';
import { PlainTree } from './PlainTree';

export function MessageDetails({ messageId }: { messageId: number }) {
  const controller = useLabController();
  const trace = useLab((state) => state.trace);
  const inFlight = useLab((state) => state.frame?.inFlight);
  const summary = useMemo(() => summarizeMessage(messageId, trace, inFlight ?? []), [messageId, trace, inFlight]);
  const close = (
    <button type="button" className="inspector__close" aria-label={`Stop inspecting message ${messageId}`} onClick={() => controller.selectMessage(null)}>
      ×
    </button>
  );
  if (summary === null) {
    return (
      <section className="inspector__section" data-testid="inspector-message">
        <header className="inspector__header">
          <h3>Message #{messageId}</h3>
          {close}
        </header>
        <p className="muted">This message is outside the trace the lab still holds at this time.</p>
      </section>
    );
  }
  const sentAtMs = summary.sentAtMs;
  return (
    <section className="inspector__section" aria-labelledby="inspector-message-title" data-testid="inspector-message">
      <header className="inspector__header">
        <h3 id="inspector-message-title">
          Message <span className="inspector__id">#{summary.id}</span>
        </h3>
        <span className={`message-outcome message-outcome--${summary.outcome.replace(' ', '-')}`} data-testid="inspector-message-outcome">
          {summary.outcome}
        </span>
        {close}
      </header>
      <dl className="inspector__facts">
        <Fact term="Type" value={summary.type ?? '—'} testId="inspector-message-type" />
        {summary.label !== null && <Fact term="Label" value={summary.label} />}
        <Fact term="From → to" value={`${summary.from ?? '?'} → ${summary.to ?? '?'}`} testId="inspector-message-route" />
        <Fact term="Sent at" value={sentAtMs === null ? 'before the kept trace' : `${formatNumber(sentAtMs)} ms`} />
        {summary.outcome === 'dropped' ? (
          <>
            <Fact term="Dropped at" value={`${formatNumber(summary.droppedAtMs ?? 0)} ms`} />
            <Fact term="Why" value={summary.dropReason ?? 'dropped'} />
          </>
        ) : (
          <Fact term={summary.outcome === 'delivered' ? 'Delivered at' : 'Due at'} value={summary.deliverAtMs === null ? (summary.held ? 'held on its link' : '—') : `${formatNumber(summary.deliverAtMs)} ms`} />
        )}
        <Fact term="Held" value={summary.held ? 'yes' : 'no'} />
        {summary.copyOf !== null && <Fact term="Copy of" value={`#${summary.copyOf}`} />}
      </dl>
      {summary.payload !== undefined ? (
        <PlainTree label="payload" value={summary.payload} openLevels={2} testId="inspector-payload" />
      ) : (
        <p className="muted inspector__empty">
          The payload is kept only while the message is in flight.{' '}
          {sentAtMs !== null && (
            <button
              type="button"
              className="link-button"
              data-testid="inspector-show-in-flight"
              onClick={() => {
                controller.pause();
                void controller.seek(sentAtMs);
              }}
            >
              Show it in flight
            </button>
          )}
        </p>
      )}
    </section>
  );
}
