/**
 * Playback in a real browser: scrubbing back and forking, stepping by one event and to the
 * next event of a kind, speed, the violation flow, and screenshots of the main view with the
 * space-time diagram, charts and inspector. Every position the page reaches is checked
 * against the engine replaying the page's own scenario in Node.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectTime, oracle, shownTimeMs, screenshotPath } from './support';

type PageScenario = { schedule?: unknown[] } & Record<string, unknown>;

async function currentScenario(page: Page): Promise<PageScenario> {
  const scenario = await page.evaluate(() => window.__faultlineTest!.currentScenario());
  expect(scenario).not.toBeNull();
  return scenario as unknown as PageScenario;
}

/** The page's trace hash must equal a fresh engine run of the page's current scenario to the page's time. */
async function expectReplayMatches(page: Page, example: string): Promise<void> {
  const scenario = await currentScenario(page);
  const timeMs = await shownTimeMs(page);
  const expected = oracle({ example, patch: { schedule: scenario.schedule ?? [] }, untilMs: timeMs });
  await expect(page.getByTestId('trace-hash')).toHaveText(expected.traceHash);
  await expect(page.getByTestId('event-count')).toHaveText(String(expected.events));
}

async function eventCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('event-count').textContent());
}

test('scrubbing back with the keyboard and acting in the past forks the run and shrinks the scrubber', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&t=2000');
  await expectTime(page, 2_000);
  const scrubber = page.getByTestId('scrubber');
  await expect(scrubber).toHaveAttribute('data-furthest-ms', '2000');
  await expect(page.getByTestId('scrub-end')).toHaveText('2.000 s');

  // Page Down moves back by a tenth of the run: 2000 → 600 in seven presses.
  await scrubber.focus();
  for (let press = 0; press < 7; press++) await page.keyboard.press('PageDown');
  await expectTime(page, 600);
  // Seeking back alone is not a fork: the scrubber still spans the whole run.
  await expect(scrubber).toHaveAttribute('data-furthest-ms', '2000');
  await expect(page.getByTestId('scrub-status')).toContainText('acting here forks');

  await page.evaluate(() => window.__faultlineTest!.apply({ type: 'crash', node: 'n2', at: 0 }));
  await expect(page.getByTestId('notice').filter({ hasText: 'Forked at t=600 ms: later perturbations discarded' })).toBeVisible();
  await expect(scrubber).toHaveAttribute('data-furthest-ms', '600');
  await expect(page.getByTestId('scrub-end')).toHaveText('0.600 s');
  await expect(page.getByTestId('node-status-n2')).toHaveText('crashed');
  await expectReplayMatches(page, 'ping-basic');

  // The new future is computed from the fork: play on and compare again.
  await page.getByTestId('play-pause').click();
  await expect.poll(() => shownTimeMs(page)).toBeGreaterThan(900);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  await expectReplayMatches(page, 'ping-basic');
  expect(Number(await scrubber.getAttribute('data-furthest-ms'))).toBe(await shownTimeMs(page));
});

test('dragging the scrubber seeks to where it is dropped, and a fork there keeps the earlier perturbations', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expectTime(page, 0);
  await page.evaluate(() => window.__faultlineTest!.apply({ type: 'cut', from: 'n1', to: 'n2', at: 0 }));
  await page.getByTestId('scrubber').focus();
  // End on the scrubber has nowhere to go yet (the run has not moved), so play a little first.
  await page.getByTestId('play-pause').click();
  await expect.poll(() => shownTimeMs(page)).toBeGreaterThan(1_500);
  await page.getByTestId('play-pause').click();
  const furthest = await shownTimeMs(page);

  const box = (await page.getByTestId('scrubber').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 4, y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(box.x + box.width * (1 - step * 0.06), y);
  await page.mouse.up();
  await expect.poll(() => shownTimeMs(page)).toBeLessThan(furthest * 0.6);
  await expect(page.getByTestId('scrub-status')).not.toContainText('seeking');
  const dropped = await shownTimeMs(page);
  expect(dropped).toBeGreaterThan(furthest * 0.25);
  await expectReplayMatches(page, 'ping-basic');

  await page.evaluate(() => window.__faultlineTest!.apply({ type: 'crash', node: 'n3', at: 0 }));
  await expect(page.getByTestId('notice').filter({ hasText: 'Forked at t=' })).toBeVisible();
  const scenario = await currentScenario(page);
  // Both perturbations are on the new timeline (beside the example's own scripted schedule).
  expect(scenario.schedule).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'cut', from: 'n1', to: 'n2', at: 0 }), expect.objectContaining({ type: 'crash', node: 'n3', at: dropped })]));
  await expectReplayMatches(page, 'ping-basic');
});

test('step runs one event, back undoes it, and step-to-next stops on the first event of the chosen kind', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expectTime(page, 0);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('event-count')).toHaveText('1');
  const afterOne = await page.getByTestId('trace-hash').textContent();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('event-count')).toHaveText('2');
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('event-count')).toHaveText('1');
  await expect(page.getByTestId('trace-hash')).toHaveText(afterOne!);

  await page.getByTestId('step-target').selectOption('drop');
  await page.evaluate(() => window.__faultlineTest!.apply({ type: 'cut', from: 'n1', to: 'n2', at: 0 }));
  await page.getByTestId('step-to-next').click();
  // The cut link drops n1's next message to n2: the run stops on that drop, which the diagram and inspector can show.
  await expect.poll(() => eventCount(page)).toBeGreaterThan(1);
  const landed = await eventCount(page);
  const landedHash = await page.getByTestId('trace-hash').textContent();
  await expectReplayMatches(page, 'ping-basic');

  // Stepping one event at a time from the same place reaches the same event and hash, and no drop on the way.
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('event-count')).toHaveText(String(landed - 1));
  await page.getByTestId('step').click();
  await expect(page.getByTestId('event-count')).toHaveText(String(landed));
  await expect(page.getByTestId('trace-hash')).toHaveText(landedHash!);
});

test('step-to-next gives up within its bound when no such event comes, and says so', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expectTime(page, 0);
  await page.getByTestId('step-target').selectOption('violation');
  await page.getByTestId('step-to-next').click();
  await expect(page.getByTestId('notice').filter({ hasText: /No violation event in the next [\d,]+ events/ })).toBeVisible({ timeout: 15_000 });
  expect(await eventCount(page)).toBeGreaterThan(1_000);
  await expectReplayMatches(page, 'ping-basic');
});

test('speed moves on a log scale by slider and keys, and a faster speed covers more virtual time', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expectTime(page, 0);
  const value = page.getByTestId('speed-value');
  await expect(value).toHaveText('×1');
  await page.keyboard.press(']');
  await expect(value).toHaveText('×2');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(value).toHaveText('×0.5');
  const slider = page.getByTestId('speed');
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(value).toHaveText('×0.001');
  await page.keyboard.press('End');
  await expect(value).toHaveText('×1000');

  await page.getByTestId('play-pause').click();
  await page.waitForTimeout(1_000);
  await page.getByTestId('play-pause').click();
  // At ×1000 one real second is up to 1000 virtual seconds; at ×1 it would be about one.
  expect(await shownTimeMs(page)).toBeGreaterThan(20_000);
  await expectReplayMatches(page, 'ping-basic');
});

test('a violation stops the run, is highlighted, and "Jump to it" and "Share this counterexample" lead back to it', async ({ page, context }) => {
  await page.goto('/#scenario=ping-duplicates');
  const shell = page.getByTestId('shell');
  await expect(page.getByTestId('notice').filter({ hasText: 'An invariant was violated' })).toBeVisible();
  await expect(shell).toHaveAttribute('data-playing', 'false');
  const invariant = page.locator('[data-testid="invariant"][data-invariant="Pongs answer pings"]');
  await expect(invariant).toHaveAttribute('data-status', 'violated');
  const stoppedAt = await eventCount(page);
  const stoppedTime = await shownTimeMs(page);
  await expect(invariant.getByTestId('invariant-violation')).toContainText(`(event ${stoppedAt})`);
  // The violating event's message is selected: the inspector shows the duplicated pong.
  await expect(page.getByTestId('inspector-message')).toBeVisible();
  await expect(page.getByTestId('inspector-message-type')).toContainText(/pong/i);

  // Go back before it: the checker holds there, but the panel still offers the way back to it.
  await page.keyboard.press('Home');
  await expectTime(page, 0);
  await expect(invariant).toHaveAttribute('data-status', 'holds');
  await expect(invariant.getByTestId('invariant-violation')).toContainText('Violated later');
  await invariant.getByTestId('invariant-jump').click();
  await expect(page.getByTestId('event-count')).toHaveText(String(stoppedAt));
  await expectTime(page, stoppedTime);
  await expect(invariant).toHaveAttribute('data-status', 'violated');
  await expect(page.getByTestId('inspector-message-type')).toContainText(/pong/i);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await invariant.getByTestId('invariant-share').click();
  const url = await page.getByTestId('counterexample-url').inputValue();
  expect(url).toMatch(/#s=[A-Za-z0-9+\-$]+&t=[\d.]+&e=\d+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const reopened = await context.newPage();
  await reopened.goto(url);
  await expectTime(reopened, stoppedTime);
  // A shared time opens paused at that instant (every event at it run): the engine's run to that time.
  await expect(reopened.getByTestId('trace-hash')).toHaveText(oracle({ example: 'ping-duplicates', untilMs: stoppedTime }).traceHash);
  await expect(reopened.locator('[data-testid="invariant"][data-invariant="Pongs answer pings"]')).toHaveAttribute('data-status', 'violated');
});

test('a run of 100,000 events stays responsive: older trace loads in chunks, zoom, step and play keep working', async ({ page }) => {
  await page.addInitScript(() => {
    const longTasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/#scenario=ping-basic&t=1000000');
  await expect(page.getByTestId('virtual-time')).toHaveAttribute('data-time-ms', '1000000', { timeout: 30_000 });
  expect(await eventCount(page)).toBeGreaterThan(100_000);
  const range = page.getByTestId('spacetime-range');
  await expect(range).toContainText('Trace events');
  const older = page.getByTestId('spacetime-older');
  // Chunks of 20,000 until the diagram's cap (100,000 events), where the button goes away.
  for (let chunk = 0; chunk < 10 && (await older.count()) > 0; chunk++) {
    await older.click();
    await expect(older.filter({ hasText: 'Loading' })).toHaveCount(0);
  }
  await expect(older).toHaveCount(0);
  // About 100,000 trace events now in the diagram, one contiguous stretch ending at the present.
  const [first, last, total] = ((await range.textContent()) ?? '').match(/[\d,]+/g)!.map((text) => Number(text.replaceAll(',', '')));
  expect(last).toBe(total);
  expect(last! - first! + 1).toBeGreaterThanOrEqual(100_000);
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));

  const overlay = page.locator('.faultline-timeline__overlay');
  const box = (await overlay.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let notch = 0; notch < 8; notch++) await page.mouse.wheel(0, -240);
  const before = await eventCount(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('event-count')).toHaveText(String(before + 1));
  await page.getByTestId('play-pause').click();
  await expect.poll(() => shownTimeMs(page)).toBeGreaterThan(1_000_300);
  await page.getByTestId('play-pause').click();
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  test.info().annotations.push({ type: 'long tasks (ms) while zooming, stepping and playing', description: JSON.stringify(longTasks) });
  // Lenient (the machine is shared): no interaction may freeze the page for a second.
  expect(Math.max(0, ...longTasks)).toBeLessThan(1_000);
  await expectReplayMatches(page, 'ping-basic');
});

test('screenshots: the main view with the space-time diagram, charts and inspector', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/#scenario=raft-basic');
  await expect.poll(() => shownTimeMs(page), { timeout: 15_000 }).toBeGreaterThan(2_500);
  await page.getByTestId('play-pause').click();
  await page.getByTestId('inspector-node-picker').selectOption('n1');
  await expect(page.getByTestId('inspector-node')).toBeVisible();
  await expect(page.getByTestId('spacetime-panel')).toBeVisible();
  await page.screenshot({ path: screenshotPath('playback-main.png') });
  // The charts share the dock below the canvas with the diagram: one tab at a time.
  await page.getByTestId('dock-tab-charts').click();
  await expect(page.getByTestId('charts-panel')).toBeVisible();
  await page.getByTestId('charts-panel').scrollIntoViewIfNeeded();
  await page.getByTestId('charts-panel').screenshot({ path: screenshotPath('playback-charts.png') });

  // The violation view: the run stopped, the invariant violated, the violating message and a node inspected.
  await page.goto('/#scenario=ping-duplicates');
  await expect(page.locator('[data-testid="invariant"][data-invariant="Pongs answer pings"]')).toHaveAttribute('data-status', 'violated');
  await page.getByTestId('inspector-node-picker').selectOption('n3');
  await expect(page.getByTestId('inspector-message')).toBeVisible();
  await page.screenshot({ path: screenshotPath('playback-violation.png') });
});

test('seeking leaves the client-history checker pending while the scrubber moves, and judges it once the run rests', async ({ page }) => {
  await page.goto('/#scenario=raft-basic&t=3000');
  await expectTime(page, 3000);
  const linearizability = page.locator('[data-testid="invariant"][data-invariant="Linearizability"]');
  await expect(linearizability).toHaveAttribute('data-status', 'holds');
  const scrubber = page.getByTestId('scrubber');
  // Three seeks in quick succession, as a drag makes: each answers with the verdict pending.
  for (const ms of [2500, 2000, 1500]) {
    await scrubber.fill(String(ms));
    await expectTime(page, ms);
    await expect(linearizability).toHaveAttribute('data-status', 'pending');
  }
  await expect(linearizability).toContainText('not judged yet at this position');
  // At rest, the verdict follows without any further action.
  await expect(linearizability).toHaveAttribute('data-status', 'holds');
  await expect(linearizability).not.toContainText('not judged yet');
});
