import { describe, expect, it } from 'vitest';
import { fullLabHref, isEmbedRequest } from './embedMode';

describe('embed mode', () => {
  it('is asked for by ?embed=1 before the hash', () => {
    expect(isEmbedRequest('https://lab.example/?embed=1#scenario=ping-basic')).toBe(true);
    expect(isEmbedRequest('https://lab.example/app/?x=2&embed=true#scenario=ping-basic')).toBe(true);
  });

  it('is asked for by &embed=1 inside the hash', () => {
    expect(isEmbedRequest('https://lab.example/#scenario=raft-basic&t=200&embed=1')).toBe(true);
  });

  it('is not asked for otherwise, nor by embed=0', () => {
    expect(isEmbedRequest('https://lab.example/#scenario=ping-basic')).toBe(false);
    expect(isEmbedRequest('https://lab.example/?embed=0#scenario=ping-basic&embed=0')).toBe(false);
    expect(isEmbedRequest('https://lab.example/#scenario=embed-1')).toBe(false);
  });

  it('links to the full lab with the same run: only the embed request goes', () => {
    expect(fullLabHref('https://lab.example/app/?embed=1#scenario=raft-basic&t=1200')).toBe('https://lab.example/app/#scenario=raft-basic&t=1200');
    expect(fullLabHref('https://lab.example/#s=N4Ig-x$+abc&t=5&embed=1')).toBe('https://lab.example/#s=N4Ig-x$+abc&t=5');
    expect(fullLabHref('https://lab.example/?lang=en&embed=1')).toBe('https://lab.example/?lang=en');
  });
});
