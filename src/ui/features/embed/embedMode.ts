/**
 * Embed mode: `?embed=1` (in the query, before the hash) or `…&embed=1` in the hash asks for
 * the compact lab: the canvas and the playback bar only, for an iframe in slides or a post.
 * `fullLabHref` is the same address without the request, for "Open in Faultline".
 */

const TRUE_VALUES = new Set(['1', 'true', 'yes']);

export function isEmbedRequest(href: string): boolean {
  const url = new URL(href);
  const fromQuery = url.searchParams.get('embed');
  if (fromQuery !== null && TRUE_VALUES.has(fromQuery.toLowerCase())) return true;
  return hashFields(url.hash).some(([name, value]) => name === 'embed' && TRUE_VALUES.has(value.toLowerCase()));
}

/** `href` with `embed` taken out of both the query and the hash; everything else (the run, the time) kept. */
export function fullLabHref(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  // The other hash parts are kept as written (scenario data is already URL-safe), not re-encoded.
  const text = url.hash.startsWith('#') ? url.hash.slice(1) : url.hash;
  const kept = text === '' ? [] : text.split('&').filter((part) => part.split('=')[0] !== 'embed');
  url.hash = kept.join('&');
  return url.href;
}

function hashFields(hash: string): Array<[string, string]> {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return [];
  return text.split('&').map((part) => {
    const separator = part.indexOf('=');
    return separator < 0 ? [part, ''] : [part.slice(0, separator), part.slice(separator + 1)];
  });
}
