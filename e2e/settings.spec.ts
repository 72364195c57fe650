/**
 * Scenario settings: a change starts a new run, the address carries it (#s=…), and the run
 * is the one the engine computes for the changed scenario. A bad value is named next to
 * its field and starts nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectTime, oracle, shownTimeMs, screenshotPath } from './support';

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('drawer-settings')).toBeVisible();
}

async function pauseAndCompare(page: Page, patch: Record<string, unknown>): Promise<void> {
  await expect.poll(() => shownTimeMs(page)).toBeGreaterThan(150);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  const stoppedAt = await shownTimeMs(page);
  await expect(page.getByTestId('trace-hash')).toHaveText(oracle({ example: 'ping-basic', patch, untilMs: stoppedAt }).traceHash);
}

test('changing the seed starts a new run, puts it in the URL, and the hash equals the engine', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/#scenario=ping-basic&t=500');
  await expectTime(page, 500);
  await openSettings(page);
  await expect(page.getByTestId('settings-module')).toHaveValue('ping');
  await expect(page.getByTestId('settings-seed')).toHaveValue('1');
  await expect(page.getByTestId('settings-params-intervalMs')).toHaveValue('100');
  await expect(page.getByTestId('settings-variants-deduplicate')).toBeChecked();
  await page.screenshot({ path: screenshotPath('settings.png') });

  await page.getByTestId('settings-seed').fill('4242');
  await page.getByTestId('settings-seed').press('Enter');
  const expected = oracle({ example: 'ping-basic', patch: { seed: 4242 }, untilMs: 0 });
  await expect.poll(() => new URL(page.url()).hash).toBe(expected.hash.replace(/&t=.*$/, ''));
  // The drawer stays open on the new run, showing what now runs.
  await expect(page.getByTestId('settings-seed')).toHaveValue('4242');
  await page.getByTestId('drawer-settings-close').click();
  await pauseAndCompare(page, { seed: 4242 });
});

test('module parameters, variants and network defaults each start a new run with that change', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  await openSettings(page);
  await page.getByTestId('settings-params-intervalMs').fill('40');
  await page.getByTestId('settings-params-intervalMs').blur();
  await expect(page.getByTestId('settings-params-intervalMs')).toHaveValue('40');
  await page.getByTestId('settings-variants-deduplicate').uncheck();
  await expect(page.getByTestId('settings-variants-deduplicate')).not.toBeChecked();
  await page.getByTestId('settings-network-lossRatio').fill('0.05');
  await page.getByTestId('settings-network-lossRatio').press('Enter');
  const patch = { params: { intervalMs: 40 }, variants: { deduplicate: false }, network: { latencyMs: 10, jitterMs: 5, lossRatio: 0.05 } };
  await expect.poll(() => new URL(page.url()).hash).toBe(oracle({ example: 'ping-basic', patch, untilMs: 0 }).hash.replace(/&t=.*$/, ''));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('drawer-settings')).toHaveCount(0);
  await pauseAndCompare(page, patch);
});

test('an out-of-range value is named next to its field and starts nothing', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&t=700');
  await expectTime(page, 700);
  const traceHash = await page.getByTestId('trace-hash').textContent();
  await openSettings(page);
  await page.getByTestId('settings-params-intervalMs').fill('0');
  await page.getByTestId('settings-params-intervalMs').press('Enter');
  const problem = page.getByTestId('settings-params-intervalMs-problem');
  await expect(problem).toHaveText('must be at least 1 ms (got 0)');
  await expect(page.getByTestId('settings-params-intervalMs')).toHaveAttribute('aria-invalid', 'true');
  // Closing the drawer forgets the rejected value: reopened, it shows what runs.
  await page.getByTestId('drawer-settings-close').click();
  await openSettings(page);
  await expect(page.getByTestId('settings-params-intervalMs')).toHaveValue('100');
  // Fewer servers than the schedule names: the schedule entry is named next to the node count.
  await page.getByTestId('settings-nodes').fill('1');
  await page.getByTestId('settings-nodes').press('Enter');
  await expect(page.getByTestId('settings-nodes-problem')).toContainText("schedule[0].node: unknown node 'n2'");
  expect(new URL(page.url()).hash).toBe('#scenario=ping-basic&t=700');
  await page.getByTestId('drawer-settings-close').click();
  await expectTime(page, 700);
  await expect(page.getByTestId('trace-hash')).toHaveText(traceHash!);
});

test('another module starts from its defaults; Raft is capped at 15 servers; New seed changes the seed', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  await openSettings(page);
  await page.getByTestId('settings-module').selectOption('raft');
  await expect(page.locator('.shell__module')).toContainText('Raft');
  await expect(page.getByTestId('settings-nodes')).toHaveValue('5');
  await expect(page.getByTestId('settings-nodes')).toHaveAttribute('max', '15');
  await expect(page.getByTestId('settings-params-electionTimeoutMinimumMs')).toBeVisible();
  const raftHash = new URL(page.url()).hash;
  expect(raftHash).toMatch(/^#s=/);

  await page.getByTestId('settings-nodes').fill('16');
  await page.getByTestId('settings-nodes').press('Enter');
  await expect(page.getByTestId('settings-nodes-problem')).toHaveText('must be at most 15 for raft in the lab (got 16)');

  await page.getByTestId('settings-nodes').fill('7');
  await page.getByTestId('settings-nodes').press('Enter');
  await expect.poll(() => new URL(page.url()).hash).not.toBe(raftHash);
  await expect(page.getByTestId('node-n7')).toBeAttached();
  const sevenHash = new URL(page.url()).hash;
  await page.getByTestId('settings-new-seed').click();
  await expect.poll(() => new URL(page.url()).hash).not.toBe(sevenHash);
  await expect(page.getByTestId('settings-seed')).not.toHaveValue('1');
});
