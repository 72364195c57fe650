/**
 * A trace time window as a Mermaid sequence diagram: rendered in place (Mermaid loaded on
 * demand) and shown as text in a read-only box with a Copy button. Plain props, no store.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TraceEvent } from '../../../engine';
import { traceToMermaid } from './traceToMermaid';
import { renderMermaidSvg, type MermaidTheme } from './renderMermaid';
import { useDisplayPreferences } from '../display/useDisplayPreferences';
import './export.css';

export interface MermaidExportProps {
  trace: readonly TraceEvent[];
  nodes: readonly string[];
  fromMs: number;
  toMs: number;
  maxMessages?: number;
  includeTimers?: boolean;
  className?: string;
}

type RenderState = { status: 'rendering' } | { status: 'rendered'; svg: string; theme: MermaidTheme } | { status: 'failed'; message: string };
type CopyState = 'idle' | 'copied' | 'failed';

export function MermaidExport({ trace, nodes, fromMs, toMs, maxMessages, includeTimers = false, className }: MermaidExportProps) {
  const nodesKey = nodes.join('\u0000');
  const source = useMemo(
    () => traceToMermaid(trace, { fromMs, toMs, nodes: nodesKey === '' ? [] : nodesKey.split('\u0000'), maxMessages, includeTimers }),
    [trace, nodesKey, fromMs, toMs, maxMessages, includeTimers],
  );
  // Mermaid bakes its colours into the SVG: a change of theme (chosen, or the system's) draws it again.
  const theme: MermaidTheme = useDisplayPreferences().scheme === 'dark' ? 'dark' : 'default';
  const [render, setRender] = useState<RenderState>({ status: 'rendering' });
  const [copy, setCopy] = useState<CopyState>('idle');
  const diagramRef = useRef<HTMLDivElement>(null);
  const textId = useId();

  useEffect(() => {
    let current = true;
    setRender({ status: 'rendering' });
    setCopy('idle');
    renderMermaidSvg(source, theme).then(
      (svg) => current && setRender({ status: 'rendered', svg, theme }),
      (error: unknown) => current && setRender({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [source, theme]);

  useEffect(() => {
    const container = diagramRef.current;
    if (container === null) return;
    // innerHTML is acceptable here only because this string is Mermaid's own output rendered
    // with securityLevel 'strict' (labels HTML-encoded, click callbacks off, DOMPurify-sanitized)
    // from source whose every user-provided piece traceToMermaid has reduced to inert text.
    // Nothing else may ever be assigned this way.
    container.innerHTML = render.status === 'rendered' ? render.svg : '';
  }, [render]);

  const copyText = (): void => {
    navigator.clipboard.writeText(source).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <div className={['faultline-mermaid', className].filter(Boolean).join(' ')}>
      {/* tabIndex: a wide diagram scrolls, and keyboard users must be able to scroll it too. */}
      <div className="faultline-mermaid__diagram" data-testid="mermaid-diagram" data-render-status={render.status} data-mermaid-theme={render.status === 'rendered' ? render.theme : undefined} ref={diagramRef} role="img" aria-label={`Sequence diagram from ${fromMs} ms to ${toMs} ms`} aria-busy={render.status === 'rendering'} tabIndex={0} />
      {render.status === 'rendering' && <p className="faultline-mermaid__status">Rendering diagram…</p>}
      {render.status === 'failed' && (
        <p className="faultline-mermaid__status faultline-mermaid__status--error" role="alert">
          The diagram could not be rendered ({render.message}). The text below can still be copied.
        </p>
      )}
      <label className="faultline-mermaid__label" htmlFor={textId}>
        Mermaid source
      </label>
      <textarea id={textId} className="faultline-mermaid__text" data-testid="mermaid-text" readOnly value={source} rows={Math.min(16, source.split('\n').length)} spellCheck={false} />
      <div className="faultline-mermaid__actions">
        <button type="button" className="button" data-testid="mermaid-copy" onClick={copyText}>
          Copy Mermaid text
        </button>
        <span role="status" aria-live="polite" data-testid="mermaid-copy-status">
          {copy === 'copied' ? 'Copied.' : copy === 'failed' ? 'Copy failed: select the text and copy it by hand.' : ''}
        </span>
      </div>
    </div>
  );
}
