/**
 * Shared helpers for the end-to-end specs. The engine is deterministic, so a spec computes
 * the expected trace hash in Node (through e2e/oracle.ts or the CLI) and asserts the page
 * shows exactly that at exactly the same virtual time.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { OracleAnswer, OracleRequest } from './oracle';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * Where a reference screenshot goes. The checked-in ones in e2e/screenshots/ are rewritten
 * only on request (FAULTLINE_UPDATE_SCREENSHOTS=1), so an ordinary test run leaves the work
 * tree clean; otherwise they land in test-results/screenshots/ to look at.
 */
export function screenshotPath(name: string): string {
  const directory = process.env.FAULTLINE_UPDATE_SCREENSHOTS === '1' ? 'e2e/screenshots' : 'test-results/screenshots';
  return resolve(ROOT, directory, name);
}

/** An example scenario's JSON document as stored (not validated: the app and the oracle validate). */
export function exampleDocument(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(ROOT, 'public/scenarios', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

/** The #s= hash and the engine's run for an example (optionally patched) at `untilMs`. */
export function oracle(request: OracleRequest): OracleAnswer {
  const output = execFileSync('npx', ['tsx', 'e2e/oracle.ts'], { cwd: ROOT, encoding: 'utf8', input: JSON.stringify(request) });
  return JSON.parse(output) as OracleAnswer;
}

/** The headless CLI's JSON report for a scenario argument (an example name, a file or an app URL). */
export function cliRun(argument: string, untilMs: number): { traceHash: string; events: number; virtualTimeMs: number } {
  const output = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'run', argument, '--until', String(untilMs), '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output) as { traceHash: string; events: number; virtualTimeMs: number };
}

export async function expectTime(page: Page, ms: number): Promise<void> {
  await expect(page.getByTestId('virtual-time')).toHaveAttribute('data-time-ms', String(ms));
}

export async function shownTimeMs(page: Page): Promise<number> {
  return Number(await page.getByTestId('virtual-time').getAttribute('data-time-ms'));
}

/** Records any dialog (alert, confirm) or uncaught page error: what an injected script would cause. */
export function watchForInjection(page: Page): { dialogs: string[]; pageErrors: string[] } {
  const seen = { dialogs: [] as string[], pageErrors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.pageErrors.push(error.message));
  return seen;
}

/** Where the run stands as the page shows it: virtual time and events run (for replaying user actions). */
export async function position(page: Page): Promise<{ at: number; afterEvent: number }> {
  return { at: await shownTimeMs(page), afterEvent: Number(await page.getByTestId('event-count').textContent()) };
}

/** Plays until `condition` holds, then pauses and returns where the run stopped. */
export async function playUntil(page: Page, condition: () => Promise<boolean>): Promise<{ at: number; afterEvent: number }> {
  await page.getByTestId('play-pause').click();
  await expect.poll(condition, { timeout: 15_000, intervals: [20] }).toBe(true);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('shell')).toHaveAttribute('data-playing', 'false');
  // The last frame asked for may still arrive after the pause; wait until the readout settles.
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await shownTimeMs(page);
        const settled = now === last;
        last = now;
        return settled;
      },
      { intervals: [100] },
    )
    .toBe(true);
  return position(page);
}
