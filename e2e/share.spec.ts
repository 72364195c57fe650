/**
 * Share: the copied link carries the scenario, every perturbation made so far and the time
 * being viewed. Opened in a fresh browser context it shows the same run at the same time
 * with the same trace hash — the one the headless CLI computes from the same URL.
 */
import { expect, test, type Page } from '@playwright/test';
import { cliRun, expectTime, shownTimeMs } from './support';

async function openAndPerturb(page: Page): Promise<void> {
  await page.goto('/#scenario=ping-basic&t=600');
  await expectTime(page, 600);
  // Perturbations as a click would make them (the test hooks call controller.apply, like the fault menus).
  await page.evaluate(() => window.__faultlineTest!.apply({ type: 'crash', node: 'n3', at: 600 }));
  await expect(page.getByTestId('node-status-n3')).toHaveText('crashed');
  // Let the perturbed run play on a little, then stop at whatever time playback reached.
  await page.getByTestId('play-pause').click();
  await expect.poll(() => shownTimeMs(page)).toBeGreaterThan(900);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  await page.evaluate(() => window.__faultlineTest!.apply({ type: 'cut', from: 'n1', to: 'n2', at: 0 }));
}

test('a shared link reopens the perturbed run at the same time with the same hash, in a new browser context', async ({ browser }) => {
  const sharer = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await sharer.newPage();
  await openAndPerturb(page);
  const timeMs = await shownTimeMs(page);
  const traceHash = await page.getByTestId('trace-hash').textContent();
  const events = Number((await page.getByTestId('event-count').textContent())?.replace(/[^0-9]/g, ''));

  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText('Link copied');
  await expect(page.getByTestId('share-status')).toHaveAttribute('aria-live', 'polite');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The link pins the time and the exact number of events run by then.
  expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=[A-Za-z0-9+\-$]+&t=[0-9.]+&e=\d+$/);
  expect(copied.endsWith(`&t=${timeMs}&e=${events}`)).toBe(true);
  // Sharing does not move the run or change the address.
  expect(page.url()).toContain('#scenario=ping-basic');
  await expectTime(page, timeMs);

  const receiver = await browser.newContext();
  const reopened = await receiver.newPage();
  await reopened.goto(copied);
  await expectTime(reopened, timeMs);
  await expect(reopened.getByTestId('trace-hash')).toHaveText(traceHash!);
  await expect(reopened.getByTestId('node-status-n3')).toHaveText('crashed');
  await expect(reopened.getByTestId('play-pause')).toHaveText('Play');
  // The headless engine reads the same URL to the same run.
  expect(cliRun(copied, timeMs).traceHash).toBe(traceHash);

  await sharer.close();
  await receiver.close();
});

test('when clipboard access is refused the link is shown selected in a read-only box', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  await page.goto('/#scenario=ping-basic&t=1200');
  await expectTime(page, 1_200);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-status')).toHaveText('Copy the link below');
  const box = page.getByTestId('share-fallback-url');
  await expect(box).toBeVisible();
  await expect(box).toHaveAttribute('readonly', '');
  const link = await box.inputValue();
  expect(link).toMatch(/#s=[A-Za-z0-9+\-$]+&t=1200&e=\d+$/);
  await expect(box).toBeFocused();
  const selected = await box.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0));
  expect(selected).toBe(link);
  await page.getByTestId('share-fallback-close').click();
  await expect(box).toHaveCount(0);
});
