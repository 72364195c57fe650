import { expect, test } from '@playwright/test';
import { cliRun, expectTime, oracle, shownTimeMs } from './support';

test('an example opened by name at a time shows the hash the CLI computes for that time', async ({ page }) => {
  const expected = cliRun('ping-basic', 2_000);
  await page.goto('/#scenario=ping-basic&t=2000');
  await expectTime(page, 2_000);
  await expect(page.getByTestId('trace-hash')).toHaveText(expected.traceHash);
  await expect(page.getByTestId('event-count')).toHaveText(String(expected.events));
  // A shared time opens paused, so the numbers stay put.
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-playing', 'false');
});

test('a scenario carried in the URL shows the engine hash for that scenario and time', async ({ page }) => {
  const expected = oracle({ example: 'ping-basic', patch: { seed: 4242, nodes: 5 }, untilMs: 1_234.5 });
  const hash = expected.hash;
  expect(hash).toMatch(/^#s=[A-Za-z0-9+\-$]+&t=1234\.5$/);
  await page.goto(`/${hash}`);
  await expectTime(page, 1_234.5);
  await expect(page.getByTestId('trace-hash')).toHaveText(expected.traceHash);
  await expect(page.getByTestId('event-count')).toHaveText(String(expected.events));
  for (const [id, status] of Object.entries(expected.statuses)) {
    await expect(page.getByTestId(`node-status-${id}`)).toHaveText(status);
  }
  // The CLI reads the same URL to the same run.
  expect(cliRun(`http://localhost:5173/${hash}`, 1_234.5).traceHash).toBe(expected.traceHash);
});

test('playback advances virtual time, pause stops it, and the hash matches the engine where it stopped', async ({ page }) => {
  await page.goto('/#scenario=ping-basic');
  const playPause = page.getByTestId('play-pause');
  await expect(playPause).toHaveText('Pause');
  await expect.poll(() => shownTimeMs(page)).toBeGreaterThan(300);
  await playPause.click();
  await expect(playPause).toHaveText('Play');
  const stoppedAt = await shownTimeMs(page);
  await page.waitForTimeout(300);
  expect(await shownTimeMs(page)).toBe(stoppedAt);
  // Frame by frame or straight through, the engine reaches the same run.
  await expect(page.getByTestId('trace-hash')).toHaveText(oracle({ example: 'ping-basic', untilMs: stoppedAt }).traceHash);
});

test('&paused=1 opens the run at the start without playing', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  await expectTime(page, 0);
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('event-count')).toHaveText('1');
});
