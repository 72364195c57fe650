/**
 * The browser benchmark (issue 4, Speed; design §8): the production build's initial
 * JavaScript, then the real app in headless Chromium: frame times, long tasks and messages in
 * flight while a 9-node Raft cluster plays, and seek latency on a 1,000,000-event run, timed
 * from the page through the scrubber (the worker does the work). Every part reports figures
 * or `{ skipped: reason }`; nothing here fails the bench. Timings on a shared 2-core machine
 * are noisy, so the load average is reported beside them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../../../scripts/ensure-browser.mjs';
import type { Scenario } from '../../engine';
import { encodeScenarioHash, parseScenarioJson } from '../../scenario';
import { PUBLIC_DIRECTORY } from '../loadScenario';
import { buildApp, measureBundle } from './browserBuild';
import { seekPlan, summarizeIdle, summarizePlayback, summarizeSeeks, type MeasuredSeek } from './browserFigures';
import { RECORDER_SCRIPT, seekExpression, setSpeedExpression, shownTimeIsExpression, startRecordingExpression, stopRecordingExpression, type RecordedPlayback, type SeekOutcome } from './browserPage';
import { serveDirectory } from './browserServer';
import { openReference, runLengthFor } from './browserReference';
import { pingScenario } from './loops';
import { round } from './measure';
import type { Skipped } from './raft';

export interface BrowserPlan {
  buildTimeoutSeconds: number;
  /** Playback speeds measured one after the other (1 = real time). */
  playbackSpeeds: number[];
  /** Played before each measured window, so it starts in steady state. */
  warmupMs: number;
  playMs: number;
  seekEvents: number;
  seekCount: number;
  /** How long the page may take to open the long run (load plus one seek from 0 to its end). */
  openTimeoutMs: number;
  seekTimeoutMs: number;
}

/** The 9-node Raft example (public/scenarios/bench-raft-9.json), opened paused at this time, after its first election. */
const RAFT_EXAMPLE = 'bench-raft-9';
const PLAYBACK_START_MS = 2_000;
const CHROMIUM_ARGUMENTS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const VIEWPORT = { width: 1280, height: 800 };

type Section = Record<string, unknown> | Skipped;

/** `seeks: false` measures the build and playback only (`--playback-only`: minutes shorter, for work on frame times). */
export async function measureBrowser(plan: BrowserPlan, progress: (text: string) => void, options: { seeks: boolean } = { seeks: true }): Promise<Section> {
  return settle(() => measureEverything(plan, progress, options.seeks));
}

async function measureEverything(plan: BrowserPlan, progress: (text: string) => void, seeks: boolean): Promise<Section> {
  const loadBefore = loadAverage();
  progress('browser: vite build…');
  const build = buildApp(plan.buildTimeoutSeconds);
  if ('skipped' in build) return build;
  const figures: Record<string, unknown> = { buildSeconds: build.buildSeconds, bundle: await settle(async () => ({ ...measureBundle(build.directory) })) };
  const executablePath = findChromium();
  const noBrowser = { skipped: 'no Chromium found (scripts/ensure-browser.mjs; set FAULTLINE_CHROMIUM or run `node scripts/ensure-browser.mjs`)' };
  if (executablePath === null) return { ...figures, playback: noBrowser, seekPing: noBrowser, seekRaft: noBrowser, loadAverage: { before: loadBefore, after: loadAverage(), cores: availableParallelism() } };
  const { chromium } = await import('playwright-core');
  const server = await serveDirectory(build.directory);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGUMENTS });
    figures.chromium = browser.version();
    const opened = browser;
    const raft = loadExample(RAFT_EXAMPLE);
    progress('browser: playing a 9-node Raft cluster…');
    figures.playback = 'skipped' in raft ? raft : await settle(() => withPage(opened, (page, errors) => measurePlayback(page, errors, server.url, raft, plan)));
    if (seeks) {
      progress(`browser: seek on a ${plan.seekEvents.toLocaleString('en-US')}-event ping run…`);
      figures.seekPing = await settle(() => withPage(opened, (page, errors) => measureSeeks(page, errors, server.url, pingScenario(10), plan)));
      progress(`browser: seek on a ${plan.seekEvents.toLocaleString('en-US')}-event Raft run…`);
      figures.seekRaft = 'skipped' in raft ? raft : await settle(() => withPage(opened, (page, errors) => measureSeeks(page, errors, server.url, raft, plan)));
    } else {
      figures.seekPing = figures.seekRaft = { skipped: 'not run (--playback-only)' };
    }
  } catch (error) {
    figures.failed = messageOf(error);
  } finally {
    await browser?.close();
    await server.close();
  }
  figures.loadAverage = { before: loadBefore, after: loadAverage(), cores: availableParallelism() };
  return figures;
}

async function measurePlayback(page: Page, errors: readonly string[], baseUrl: string, scenario: Scenario, plan: BrowserPlan): Promise<Record<string, unknown>> {
  const hash = `#scenario=${RAFT_EXAMPLE}&t=${PLAYBACK_START_MS}`;
  await page.goto(baseUrl + hash);
  await page.waitForFunction(shownTimeIsExpression(PLAYBACK_START_MS), undefined, { timeout: plan.openTimeoutMs });
  // Paused first: what this browser on this machine manages with nothing to draw.
  await page.evaluate(startRecordingExpression());
  await page.waitForTimeout(Math.min(plan.playMs, 1_000));
  const idle = summarizeIdle(await page.evaluate<RecordedPlayback>(stopRecordingExpression()));
  const runs: Record<string, unknown>[] = [];
  for (const speed of plan.playbackSpeeds) {
    const shown = await page.evaluate<string | null>(setSpeedExpression(speed));
    await page.getByTestId('play-pause').click();
    await page.waitForSelector('[data-testid="shell"][data-playing="true"]');
    await page.waitForTimeout(plan.warmupMs);
    await page.evaluate(startRecordingExpression());
    await page.waitForTimeout(plan.playMs);
    const recorded = await page.evaluate<RecordedPlayback>(stopRecordingExpression());
    await page.getByTestId('play-pause').click();
    await page.waitForSelector('[data-testid="shell"][data-playing="false"]');
    runs.push({ speedShown: shown, ...summarizePlayback(recorded, speed) });
  }
  return { scenario: RAFT_EXAMPLE, nodes: scenario.nodes, hash, viewport: `${VIEWPORT.width}×${VIEWPORT.height}`, idle, runs, pageErrors: errors.slice(0, 5) };
}

async function measureSeeks(page: Page, errors: readonly string[], baseUrl: string, scenario: Scenario, plan: BrowserPlan): Promise<Record<string, unknown>> {
  const virtualMs = runLengthFor(scenario, plan.seekEvents);
  const plannedSeeks = seekPlan(virtualMs, plan.seekCount);
  // The worker's share first, in Node, then let that run go before the browser starts.
  const reference = (() => {
    const opened = openReference(scenario, virtualMs);
    return { run: opened.run, seeks: plannedSeeks.map(({ targetMs }) => opened.seek(targetMs)) };
  })();
  const opening = performance.now();
  await page.goto(baseUrl + encodeScenarioHash(scenario, virtualMs));
  await page.waitForFunction(shownTimeIsExpression(virtualMs), undefined, { timeout: plan.openTimeoutMs, polling: 50 });
  const openSeconds = round((performance.now() - opening) / 1000);
  const events = Number(await page.getByTestId('event-count').textContent());
  const traceHash = (await page.getByTestId('trace-hash').textContent())?.trim() ?? '';
  const measured: MeasuredSeek[] = [];
  for (const [index, { targetMs, direction }] of plannedSeeks.entries()) {
    const outcome = await page.evaluate<SeekOutcome>(seekExpression(targetMs, plan.seekTimeoutMs));
    measured.push({ targetMs, direction, outcome, nodeSessionMs: reference.seeks[index] ?? null });
  }
  return {
    module: scenario.module,
    nodes: scenario.nodes,
    events,
    virtualMs,
    sameRunAsNode: events === reference.run.events && traceHash === reference.run.traceHash,
    browserOpenSeconds: openSeconds,
    nodeOpenSeconds: reference.run.openSeconds,
    ...summarizeSeeks(measured),
    pageErrors: errors.slice(0, 5),
  };
}

/** The example as Node reads it (the page fetches the same file by name; the long seek runs carry it in the address). */
function loadExample(name: string): Scenario | Skipped {
  const file = join(PUBLIC_DIRECTORY, 'scenarios', `${name}.json`);
  if (!existsSync(file)) return { skipped: `public/scenarios/${name}.json does not exist` };
  const parsed = parseScenarioJson(readFileSync(file, 'utf8'));
  if (!parsed.ok) return { skipped: `${name}.json is invalid: ${parsed.errors.map((error) => `${error.field}: ${error.problem}`).join('; ')}` };
  return parsed.scenario;
}

/** A fresh context per measurement (no state carried over), with the recorder installed and uncaught page errors collected. */
async function withPage<T>(browser: Browser, body: (page: Page, errors: readonly string[]) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(RECORDER_SCRIPT);
    return await body(page, errors);
  } finally {
    await context.close();
  }
}

async function settle(body: () => Promise<Record<string, unknown>>): Promise<Section> {
  try {
    return await body();
  } catch (error) {
    return { skipped: `failed: ${messageOf(error)}` };
  }
}

function loadAverage(): number[] {
  return loadavg().map((value) => round(value));
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
