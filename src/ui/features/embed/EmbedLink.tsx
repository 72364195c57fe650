/**
 * Embed mode's way out: a small link that opens the same address without `embed` in a new
 * tab, where the full lab shows the same run. It follows the address as the run changes it.
 */
import { useEffect, useState } from 'react';
import { fullLabHref } from './embedMode';
import './embed.css';

export function EmbedLink() {
  const [href, setHref] = useState(() => fullLabHref(window.location.href));
  useEffect(() => {
    const update = (): void => setHref(fullLabHref(window.location.href));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return (
    <a className="embed-link" href={href} target="_blank" rel="noopener noreferrer" data-testid="embed-open-full">
      Open in Faultline <span aria-hidden="true">↗</span>
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
