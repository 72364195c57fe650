/**
 * Loads Mermaid on demand and renders diagram source to SVG text. Mermaid is large, so it
 * is fetched with a dynamic import the first time a diagram is shown and never sits in the
 * initial bundle.
 *
 * `securityLevel: 'strict'` makes Mermaid encode HTML in labels, disable click callbacks and
 * run its output through DOMPurify; our source is already reduced to inert text by
 * traceToMermaid, so this is the second of two independent layers.
 */
type MermaidApi = (typeof import('mermaid'))['default'];

let mermaidPromise: Promise<MermaidApi> | null = null;
let renderCount = 0;

function loadMermaid(): Promise<MermaidApi> {
  mermaidPromise ??= import('mermaid').then((module) => module.default);
  // A failed load (offline) is not cached: the next attempt tries again.
  mermaidPromise.catch(() => {
    mermaidPromise = null;
  });
  return mermaidPromise;
}

export type MermaidTheme = 'default' | 'dark';

export async function renderMermaidSvg(source: string, theme: MermaidTheme): Promise<string> {
  const mermaid = await loadMermaid();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme,
    sequence: { useMaxWidth: true },
  });
  renderCount += 1;
  const { svg } = await mermaid.render(`faultline-mermaid-${renderCount}`, source);
  return svg;
}
