/**
 * Accessibility scan with axe-core in a real Chromium: the main view (a small ping run and a
 * Raft cluster, both themes), every dock tab, the gallery, settings, export and help dialogs,
 * the problem panel, the phone layout with its menu open, and embed mode. No serious or
 * critical finding is allowed; lesser ones are printed so they can be looked at.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectTime } from './support';

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

async function scan(page: Page, label: string, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  if (include !== undefined) builder = builder.include(include);
  const results = await builder.analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const lesser = results.violations.filter((violation) => !blocking.includes(violation));
  for (const violation of lesser) console.log(`[axe ${label}] ${violation.impact as Impact}: ${violation.id} (${violation.nodes.length}) ${violation.help}`);
  const report = blocking.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  }));
  expect(report, `serious or critical axe findings in ${label}`).toEqual([]);
}

async function openRun(page: Page, hash: string, timeMs: number): Promise<void> {
  await page.goto(`/${hash}`);
  await expectTime(page, timeMs);
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`main view of ping-basic has no serious findings (${colorScheme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await openRun(page, '#scenario=ping-basic&t=2200', 2_200);
    await scan(page, `ping-basic ${colorScheme}`);
  });
}

test('main view of raft-basic, with every dock tab, has no serious findings', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openRun(page, '#scenario=raft-basic&t=1500', 1_500);
  await scan(page, 'raft-basic');
  const tabs = page.getByRole('tablist', { name: 'Views below the canvas' }).getByRole('tab');
  const names = await tabs.allTextContents();
  expect(names).toEqual(['Space-time diagram', 'Charts', 'Log matrix', 'Key-value store per server']);
  for (const name of names.slice(1)) {
    await tabs.filter({ hasText: name }).click();
    await expect(page.getByRole('tabpanel', { name })).toBeVisible();
    await scan(page, `raft-basic, ${name} tab`, '.dock');
  }
});

test('the gallery, settings, export and help dialogs have no serious findings', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openRun(page, '#scenario=raft-basic&t=800', 800);
  for (const [button, drawer] of [
    ['open-gallery', 'drawer-examples'],
    ['open-settings', 'drawer-settings'],
    ['open-export', 'drawer-export'],
  ] as const) {
    await page.getByTestId(button).click();
    await expect(page.getByTestId(drawer)).toBeVisible();
    await scan(page, drawer, `[data-testid="${drawer}"]`);
    await page.getByTestId(`${drawer}-close`).click();
    await expect(page.getByTestId(drawer)).toHaveCount(0);
  }
  await page.getByTestId('shortcuts-button').click();
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await scan(page, 'help dialog', '[data-testid="help-overlay"]');
});

test('the display menu has no serious findings', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openRun(page, '#scenario=ping-basic&t=500', 500);
  await page.getByTestId('display-menu').click();
  await expect(page.getByTestId('display-panel')).toBeVisible();
  await scan(page, 'display menu');
});

test('the problem panel has no serious findings', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#scenario=../../etc/passwd');
  await expect(page.getByTestId('problem-panel')).toBeVisible();
  await scan(page, 'problem panel');
});

test('the phone layout, with its menu open, has no serious findings', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openRun(page, '#scenario=raft-basic&t=1500', 1_500);
  await scan(page, 'phone');
  await page.getByTestId('header-menu').click();
  await expect(page.getByTestId('header-tools')).toBeVisible();
  await scan(page, 'phone menu');
});

test('embed mode has no serious findings', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto('/?embed=1#scenario=raft-basic&t=1500');
  await expectTime(page, 1_500);
  await scan(page, 'embed');
});
