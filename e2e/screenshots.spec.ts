/**
 * Reference screenshots of the main view in both themes and of the problem panel, written
 * to e2e/screenshots/ for people to look at (not compared pixel by pixel: fonts differ
 * between machines). Each still asserts the view it captures is the right one.
 */
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { ROOT, expectTime } from './support';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`main view, ${colorScheme} theme`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.goto('/#scenario=ping-basic&t=2200');
    await expectTime(page, 2_200);
    await expect(page.getByTestId('node-status-n2')).toHaveText('up');
    await expect(page.locator('.react-flow__edge')).toHaveCount(3);
    await page.screenshot({ path: resolve(ROOT, `e2e/screenshots/main-${colorScheme}.png`) });
  });
}

test('problem panel', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto('/#scenario=../../etc/passwd');
  await expect(page.getByTestId('problem-panel')).toBeVisible();
  await page.screenshot({ path: resolve(ROOT, 'e2e/screenshots/problem-panel.png') });
});
