/**
 * The production build the browser benchmark measures and serves: `vite build` into a cache
 * directory of its own (never dist/, never an e2e build), then the size of what a first visit
 * downloads. "Initial JavaScript" is what index.html names: its module scripts and their
 * modulepreloads. Chunks loaded on demand (Mermaid, charts) and the worker are counted apart.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { round } from './measure';
import type { Skipped } from './raft';

export const REPOSITORY_DIRECTORY = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const VITE = join(REPOSITORY_DIRECTORY, 'node_modules/vite/bin/vite.js');
export const BUILD_DIRECTORY = join(REPOSITORY_DIRECTORY, 'node_modules/.cache/faultline-bench/dist');

/** Design §8: initial JavaScript at most 300 KB gzipped. */
export const INITIAL_JAVASCRIPT_TARGET_KILOBYTES = 300;

export interface BuildResult {
  directory: string;
  buildSeconds: number;
}

export function buildApp(timeoutSeconds: number, directory = BUILD_DIRECTORY): BuildResult | Skipped {
  if (!existsSync(VITE)) return { skipped: 'node_modules/vite is not installed' };
  const started = performance.now();
  const result = spawnSync(process.execPath, [VITE, 'build', '--outDir', directory, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPOSITORY_DIRECTORY,
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error !== undefined) return { skipped: `vite build did not finish: ${result.error.message}` };
  if (result.status !== 0) return { skipped: `vite build failed (exit ${result.status ?? result.signal}): ${lastLines(result.stderr)}` };
  return { directory, buildSeconds: round((performance.now() - started) / 1000) };
}

/** The scripts and modulepreloads index.html references, as paths relative to the build directory, in order. */
export function initialScripts(indexHtml: string): string[] {
  const found: string[] = [];
  const tags = indexHtml.match(/<(?:script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const isScript = /^<script/i.test(tag);
    const isPreload = /\brel=["']?modulepreload["'\s>]/i.test(tag);
    if (!isScript && !isPreload) continue;
    const address = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if (address === undefined || /^[a-z]+:|^\/\//i.test(address)) continue;
    const path = address.replace(/^\.?\//, '');
    if (!found.includes(path)) found.push(path);
  }
  return found;
}

export interface SizeFigures {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  kilobytes: number;
  gzipKilobytes: number;
}

export interface BundleFigures {
  initialJavaScript: SizeFigures & { targetGzipKilobytes: number; meetsTarget: boolean };
  initialCss: SizeFigures;
  worker: SizeFigures;
  /** Every other JavaScript chunk: loaded on demand. Only the largest few are listed. */
  onDemand: SizeFigures & { chunks: number };
  gzip: string;
}

export function measureBundle(directory: string): BundleFigures {
  const indexHtml = readFileSync(join(directory, 'index.html'), 'utf8');
  const initial = initialScripts(indexHtml);
  const stylesheets = [...indexHtml.matchAll(/<link\b[^>]*rel=["']?stylesheet[^>]*>/gi)]
    .map((match) => /\bhref=["']([^"']+)["']/i.exec(match[0])?.[1]?.replace(/^\.?\//, ''))
    .filter((path): path is string => path !== undefined);
  const chunks = listFiles(directory).filter((file) => file.endsWith('.js'));
  const workers = chunks.filter((file) => /worker/i.test(file) && !initial.includes(file));
  const rest = chunks.filter((file) => !initial.includes(file) && !workers.includes(file));
  const initialJavaScript = sizes(directory, initial);
  const onDemand = sizes(directory, rest);
  return {
    initialJavaScript: {
      ...initialJavaScript,
      targetGzipKilobytes: INITIAL_JAVASCRIPT_TARGET_KILOBYTES,
      meetsTarget: initialJavaScript.gzipKilobytes <= INITIAL_JAVASCRIPT_TARGET_KILOBYTES,
    },
    initialCss: sizes(directory, stylesheets),
    worker: sizes(directory, workers),
    onDemand: { ...onDemand, files: [...onDemand.files].sort((left, right) => right.gzipBytes - left.gzipBytes).slice(0, 5), chunks: rest.length },
    gzip: 'node:zlib gzip, default level (6); 1 KB = 1024 bytes',
  };
}

function sizes(directory: string, files: readonly string[]): SizeFigures {
  const measured = files.map((file) => {
    const content = readFileSync(join(directory, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  const total = (pick: (entry: { bytes: number; gzipBytes: number }) => number): number => round(measured.reduce((sum, entry) => sum + pick(entry), 0) / 1024);
  return { files: measured, kilobytes: total((entry) => entry.bytes), gzipKilobytes: total((entry) => entry.gzipBytes) };
}

function listFiles(directory: string, root = directory): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

function lastLines(text: string | null): string {
  return (text ?? '').trim().split('\n').slice(-3).join(' ');
}
