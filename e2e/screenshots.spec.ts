/**
 * Reference screenshots of the main view in both themes (a ping run and a Raft cluster), the
 * phone layout (and its menu), embed mode and the problem panel, written
 * to e2e/screenshots/ for people to look at (not compared pixel by pixel: fonts differ
 * between machines). Each still asserts the view it captures is the right one.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectTime, screenshotPath } from './support';

/** Lets the canvas refit to its final size (the dock mounts after the run loads) and repaint before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`main view, ${colorScheme} theme`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.goto('/#scenario=ping-basic&t=2200');
    await expectTime(page, 2_200);
    await expect(page.getByTestId('node-status-n2')).toHaveText('up');
    // Three servers pairwise (3 links) plus the client to each server (3 links).
    await expect(page.locator('.link-layer .link')).toHaveCount(6);
    await settle(page);
    await page.screenshot({ path: screenshotPath(`main-${colorScheme}.png`) });
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`Raft main view at 1440×900, ${colorScheme} theme: the canvas keeps most of the height`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.goto('/#scenario=raft-basic&t=1500');
    await expectTime(page, 1_500);
    await expect(page.getByTestId('dock-tab-spacetime')).toHaveAttribute('aria-selected', 'true');
    const canvas = await page.getByTestId('topology-canvas').boundingBox();
    expect(canvas!.height).toBeGreaterThan(440);
    await settle(page);
    await page.screenshot({ path: screenshotPath(`main-raft-${colorScheme}.png`) });
  });
}

test('phone layout at 390×844, and its menu open in the dark theme', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto('/#scenario=raft-basic&t=1500');
  await expectTime(page, 1_500);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await settle(page);
  await page.screenshot({ path: screenshotPath('phone.png') });
  // Scrolled down to the side panels: the playback bar stays pinned to the bottom.
  await page.getByTestId('side-panel-invariants').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await expect(page.getByTestId('play-pause')).toBeInViewport();
  await settle(page);
  await page.screenshot({ path: screenshotPath('phone-scrolled.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('header-menu').click();
  await expect(page.getByTestId('header-tools')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: screenshotPath('phone-menu-dark.png') });
});

test('embed mode in an 800×450 frame', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto('/?embed=1#scenario=raft-basic&t=1500');
  await expectTime(page, 1_500);
  await expect(page.getByTestId('dock')).toHaveCount(0);
  await settle(page);
  await page.screenshot({ path: screenshotPath('embed.png') });
});

test('problem panel', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto('/#scenario=../../etc/passwd');
  await expect(page.getByTestId('problem-panel')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: screenshotPath('problem-panel.png') });
});
