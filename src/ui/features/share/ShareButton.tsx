/**
 * "Share": copies a link to exactly what is on screen — the scenario, every perturbation made
 * so far, and the virtual time being viewed. When the browser refuses clipboard access the
 * link appears in a read-only box, already selected, so Ctrl+C (or a long press) still works.
 */
import { useEffect, useRef, useState } from 'react';
import { useLab, useLabController, useLabStore } from '../../store/LabContext';
import { buildShareUrl } from './shareUrl';

type ShareState = { kind: 'idle' } | { kind: 'copied'; url: string } | { kind: 'manual'; url: string } | { kind: 'failed' };

/** How long "Link copied" stays on screen. */
const CONFIRMATION_MS = 4_000;

export function ShareButton() {
  const controller = useLabController();
  const store = useLabStore();
  const ready = useLab((state) => state.status === 'ready' && state.frame !== null);
  const [share, setShare] = useState<ShareState>({ kind: 'idle' });

  useEffect(() => {
    if (share.kind !== 'copied') return;
    const timer = window.setTimeout(() => setShare({ kind: 'idle' }), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [share]);

  const onShare = async () => {
    const frame = store.getState().frame;
    if (frame === null) return;
    const viewAtMs = frame.timeMs;
    const scenario = await controller.currentScenario(viewAtMs);
    if (scenario === null) return setShare({ kind: 'failed' });
    const url = buildShareUrl(window.location.href, scenario, viewAtMs, frame.eventIndex);
    try {
      await navigator.clipboard.writeText(url);
      setShare({ kind: 'copied', url });
    } catch {
      setShare({ kind: 'manual', url });
    }
  };

  return (
    <div className="share">
      <button type="button" className="button button--primary" data-testid="share" disabled={!ready} onClick={() => void onShare()}>
        Share
      </button>
      <span className="share__status" role="status" aria-live="polite" data-testid="share-status">
        {share.kind === 'copied' && 'Link copied'}
        {share.kind === 'manual' && 'Copy the link below'}
        {share.kind === 'failed' && 'The link could not be made'}
      </span>
      {share.kind === 'copied' && <output hidden data-testid="share-url" data-url={share.url} />}
      {share.kind === 'manual' && <ManualCopy url={share.url} onClose={() => setShare({ kind: 'idle' })} />}
    </div>
  );
}

function ManualCopy({ url, onClose }: { url: string; onClose: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [url]);
  return (
    <div className="share__manual" data-testid="share-fallback">
      <label className="share__manual-label">
        <span>Clipboard access was refused. Copy this link:</span>
        <input ref={inputRef} className="share__manual-input" data-testid="share-fallback-url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <button type="button" className="button" data-testid="share-fallback-close" onClick={onClose}>
        Done
      </button>
    </div>
  );
}
