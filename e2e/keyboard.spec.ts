/**
 * Keyboard-only operation: Tab reaches the playback controls, the shortcuts play, step,
 * step back, step to the next event of a kind, change speed and seek, the help overlay is a
 * proper modal dialog, and no shortcut fires while a field or slider has the keys.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectTime, oracle, shownTimeMs } from './support';

async function eventCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('event-count').textContent());
}

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Presses Tab until the element with this test id has focus (failing after `limit` presses). */
async function tabTo(page: Page, testId: string, limit = 80): Promise<void> {
  for (let press = 0; press < limit; press++) {
    if ((await focusedTestId(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('Tab reaches every playback control, and Space on the focused Play button plays and pauses once per press', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expectTime(page, 0);
  // One event in, so "back" has somewhere to go (it is disabled at the start).
  await page.keyboard.press('.');
  await expect(page.getByTestId('event-count')).toHaveText('1');
  for (const id of ['scrubber', 'play-pause', 'step-back', 'step', 'step-to-next', 'step-target', 'speed', 'shortcuts-button']) {
    await page.locator('body').focus();
    await tabTo(page, id);
  }
  await tabTo(page, 'play-pause');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => shownTimeMs(page)).toBeGreaterThan(100);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-playing', 'false');
});

test('shortcuts play, step, step back, step to the next kind, change speed and seek', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expectTime(page, 0);
  const shell = page.getByTestId('shell');

  await page.keyboard.press(' ');
  await expect(shell).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => shownTimeMs(page)).toBeGreaterThan(200);
  await page.keyboard.press(' ');
  await expect(shell).toHaveAttribute('data-playing', 'false');
  const furthest = await shownTimeMs(page);

  await page.keyboard.press('Home');
  await expectTime(page, 0);
  await page.keyboard.press('.');
  await expect(page.getByTestId('event-count')).toHaveText('1');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('event-count')).toHaveText('2');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('event-count')).toHaveText('1');

  // Shift+→ runs to the next event of the kind chosen in the playback bar.
  await page.getByTestId('step-target').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-target')).toHaveValue('send');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('step-target')).toHaveValue('deliver');
  await page.getByTestId('step').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => eventCount(page)).toBeGreaterThan(1);
  expect(await shownTimeMs(page)).toBeLessThan(furthest);

  await page.keyboard.press(']');
  await expect(page.getByTestId('speed-value')).toHaveText('×2');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(page.getByTestId('speed-value')).toHaveText('×0.5');

  await page.keyboard.press('End');
  await expectTime(page, furthest);
  await expect(page.getByTestId('trace-hash')).toHaveText(oracle({ example: 'ping-basic', untilMs: furthest }).traceHash);
});

test('no shortcut fires while a slider or field has the keys', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&t=1000');
  await expectTime(page, 1_000);
  const before = await eventCount(page);
  await page.getByTestId('speed').focus();
  await page.keyboard.press('.');
  await page.keyboard.press(' ');
  await page.keyboard.press(']');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-playing', 'false');
  expect(await eventCount(page)).toBe(before);
  await expect(page.getByTestId('speed-value')).toHaveText('×1');
  await page.getByTestId('step-target').focus();
  await page.keyboard.press('.');
  expect(await eventCount(page)).toBe(before);
});

test('? opens the help overlay as a modal dialog that keeps focus, lists the shortcuts and closes on Escape', async ({ page }) => {
  await page.goto('/#scenario=raft-basic&paused=1');
  await expectTime(page, 0);
  await page.getByTestId('step').focus();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('help-overlay');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(dialog).toContainText('Step to the next event of the chosen kind');
  // The module's own shortcuts are listed too.
  await expect(dialog.getByTestId('help-module-shortcuts')).toBeVisible();
  expect(await focusedTestId(page)).toBe('help-close');

  // Tab and Shift+Tab stay inside; shortcuts do not fire behind the dialog.
  for (let press = 0; press < 6; press++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="help-overlay"]') !== null)).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="help-overlay"]') !== null)).toBe(true);
  await page.keyboard.press('.');
  await expect(page.getByTestId('event-count')).toHaveText('0');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus goes back to where it was, so keyboard use carries on.
  expect(await focusedTestId(page)).toBe('step');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('event-count')).toHaveText('1');

  // The shortcuts button opens the same dialog.
  await page.getByTestId('shortcuts-button').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.getByTestId('help-close').press('Enter');
  await expect(dialog).toBeHidden();
});
