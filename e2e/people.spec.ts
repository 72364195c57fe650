/**
 * The "People" flows: the phone layout (nothing cut off, the header menu, playback in reach),
 * embed mode (canvas and playback only, a link to the same run in the full lab), the theme
 * switch (persists across a reload, overrides the system) and the reduced-motion switch,
 * the layout's dock and side panels (keyboard, remembered), and the screen-reader announcer.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectTime } from './support';

const LIGHT_SURFACE = 'rgb(244, 245, 248)';
const DARK_SURFACE = 'rgb(15, 19, 27)';

async function openRun(page: Page, path: string, timeMs: number): Promise<void> {
  await page.goto(path);
  await expectTime(page, timeMs);
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
}

const pageWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);
const bodyBackground = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Whether the element's box lies inside the viewport horizontally (nothing cut off at the sides). */
async function fitsHorizontally(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.left >= 0 && box.right <= window.innerWidth + 0.5;
  });
}

test.describe('phone layout (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const [scenario, timeMs] of [
    ['ping-basic', 2_200],
    ['raft-basic', 1_500],
  ] as const) {
    test(`${scenario}: nothing is cut off horizontally and play/step are in reach`, async ({ page }) => {
      await openRun(page, `/#scenario=${scenario}&t=${timeMs}`, timeMs);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      for (const testId of ['scenario-title', 'header-menu', 'topology-canvas', 'play-pause', 'step', 'step-back', 'step-to-next', 'step-target', 'trace-hash', 'dock']) {
        expect(await fitsHorizontally(page, testId), `${testId} fits in 390 px`).toBe(true);
      }
      // The side panels stack below the canvas rather than beside it.
      const canvas = await page.getByTestId('topology-canvas').boundingBox();
      const side = await page.getByTestId('side-column').boundingBox();
      expect(side!.y).toBeGreaterThan(canvas!.y + canvas!.height - 1);
      expect(side!.width).toBeGreaterThan(350);

      // The playback bar stays on screen while the page scrolls to the side panels.
      await page.getByTestId('side-column').evaluate((element) => element.scrollIntoView({ block: 'end' }));
      await expect(page.getByTestId('step')).toBeInViewport();
      const events = Number(await page.getByTestId('event-count').textContent());
      await page.getByTestId('step').click();
      await expect(page.getByTestId('event-count')).toHaveText(String(events + 1));
      await page.getByTestId('play-pause').click();
      await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true');
      await page.getByTestId('play-pause').click();
      await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'false');
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    });
  }

  test('the header tools fold into a menu that opens, works and closes', async ({ page }) => {
    await openRun(page, '/#scenario=raft-basic&t=1500', 1_500);
    const menu = page.getByTestId('header-menu');
    await expect(page.getByTestId('open-gallery')).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    for (const testId of ['open-gallery', 'open-settings', 'open-export', 'share', 'shortcuts-button', 'theme-dark', 'reduced-motion-toggle']) {
      await expect(page.getByTestId(testId)).toBeVisible();
      expect(await fitsHorizontally(page, testId), `${testId} fits in 390 px`).toBe(true);
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    // A tool opened from the menu works (its dialog shows), and the menu is still there after it closes.
    await page.getByTestId('open-gallery').click();
    await expect(page.getByTestId('drawer-examples')).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('drawer-examples')).toHaveCount(0);
    await expect(page.getByTestId('open-gallery')).toBeVisible();

    // Escape closes the menu and gives focus back to its button.
    await page.getByTestId('open-settings').focus();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('open-gallery')).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test('the keyboard help opens with "?" even while the menu is closed', async ({ page }) => {
    await openRun(page, '/#scenario=ping-basic&t=500', 500);
    await page.locator('body').press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  });
});

test.describe('embed mode', () => {
  test.use({ viewport: { width: 800, height: 450 } });

  test('?embed=1 shows only the canvas and the playback bar, and links to the same run in the full lab', async ({ page, context }) => {
    await openRun(page, '/?embed=1#scenario=raft-basic&t=1500', 1_500);
    await expect(page.getByTestId('shell')).toHaveAttribute('data-embed', 'true');
    await expect(page.getByTestId('topology-canvas')).toBeVisible();
    await expect(page.getByTestId('play-pause')).toBeVisible();
    await expect(page.getByTestId('trace-hash')).toBeVisible();
    for (const absent of ['scenario-title', 'header-menu', 'open-gallery', 'share', 'dock', 'side-column', 'shortcuts-button']) {
      await expect(page.getByTestId(absent), `${absent} is not in embed mode`).toHaveCount(0);
    }
    expect(await page.locator('header, aside').count()).toBe(0);
    const canvas = await page.getByTestId('topology-canvas').boundingBox();
    expect(canvas!.width).toBe(800);
    expect(canvas!.height).toBeGreaterThan(250);

    const link = page.getByTestId('embed-open-full');
    await expect(link).toHaveAttribute('target', '_blank');
    const href = await link.getAttribute('href');
    expect(new URL(href!).search).toBe('');
    expect(new URL(href!).hash).toBe('#scenario=raft-basic&t=1500');

    const traceHash = await page.getByTestId('trace-hash').textContent();
    const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await full.setViewportSize({ width: 1280, height: 800 });
    await expectTime(full, 1_500);
    await expect(full.getByTestId('shell')).toHaveAttribute('data-embed', 'false');
    await expect(full.getByTestId('scenario-title')).toHaveText('Raft: election and replication');
    await expect(full.getByTestId('trace-hash')).toHaveText(traceHash!);
    await expect(full.getByTestId('dock')).toBeVisible();
  });

  test('the playback keys work in embed mode, and ? lists them', async ({ page }) => {
    await openRun(page, '/?embed=1#scenario=ping-basic&t=2200', 2_200);
    const events = Number(await page.getByTestId('event-count').textContent());
    await page.locator('body').press('.');
    await expect(page.getByTestId('event-count')).toHaveText(String(events + 1));
    await page.locator('body').press('ArrowLeft');
    await expect(page.getByTestId('event-count')).toHaveText(String(events));
    await page.locator('body').press(' ');
    await expect(page.getByTestId('shell')).toHaveAttribute('data-playing', 'true');
    await page.locator('body').press(' ');
    await expect(page.getByTestId('shell')).toHaveAttribute('data-playing', 'false');
    await page.locator('body').press('Shift+?');
    await expect(page.getByTestId('help-overlay')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help-overlay')).toBeHidden();
  });

  test('embed=1 inside the hash works too', async ({ page }) => {
    await openRun(page, '/#scenario=ping-basic&t=2200&embed=1', 2_200);
    await expect(page.getByTestId('shell')).toHaveAttribute('data-embed', 'true');
    await expect(page.getByTestId('dock')).toHaveCount(0);
    expect(new URL((await page.getByTestId('embed-open-full').getAttribute('href'))!).hash).toBe('#scenario=ping-basic&t=2200');
  });
});

test('the theme follows the system until chosen, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openRun(page, '/#scenario=ping-basic&t=500', 500);
  expect(await bodyBackground(page)).toBe(DARK_SURFACE);
  await expect(page.getByTestId('theme-system')).toBeHidden();

  await page.getByTestId('display-menu').click();
  await expect(page.getByTestId('theme-system')).toBeChecked();
  await page.getByTestId('theme-light').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bodyBackground(page)).toBe(LIGHT_SURFACE);
  // The canvas follows (React Flow draws in light mode), and so do the diagram's colours.
  await expect(page.locator('.react-flow')).toHaveClass(/\blight\b/);
  expect(await diagramTextColour(page)).toBe('rgb(51, 65, 85)');

  await page.reload();
  await expectTime(page, 500);
  expect(await bodyBackground(page)).toBe(LIGHT_SURFACE);
  await page.getByTestId('display-menu').click();
  await expect(page.getByTestId('theme-light')).toBeChecked();

  await page.getByTestId('theme-dark').check();
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await bodyBackground(page)).toBe(DARK_SURFACE);
  await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);
  expect(await diagramTextColour(page)).toBe('rgb(203, 213, 225)');
  // Escape closes the panel and returns to its button.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('display-panel')).toBeHidden();
  await expect(page.getByTestId('display-menu')).toBeFocused();

  await page.getByTestId('display-menu').click();
  await page.getByTestId('theme-system').check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  expect(await bodyBackground(page)).toBe(LIGHT_SURFACE);
});

/** The diagram's label colour as its painter resolves it (through the same probe element). */
async function diagramTextColour(page: Page): Promise<string> {
  return page.locator('.faultline-timeline__probe').evaluate((probe: HTMLElement) => {
    probe.style.color = 'var(--faultline-timeline-text)';
    return getComputedStyle(probe).color;
  });
}

/** Each in-flight message's dot position on the canvas, by message id. */
async function messagePositions(page: Page): Promise<Map<string, string>> {
  const entries = await page.locator('[data-testid^="message-"][data-message-id]').evaluateAll((circles) =>
    circles.map((circle) => [circle.getAttribute('data-message-id') ?? '', `${circle.getAttribute('cx')},${circle.getAttribute('cy')}`] as [string, string]),
  );
  return new Map(entries);
}

/** Positions of the messages in flight both at `fromMs` and at `toMs`: [before, after] per message. */
async function positionsAcross(page: Page, fromMs: number, toMs: number): Promise<Array<[string, string]>> {
  await openRun(page, `/#scenario=ping-basic&t=${fromMs}`, fromMs);
  const before = await messagePositions(page);
  await openRun(page, `/#scenario=ping-basic&t=${toMs}`, toMs);
  const after = await messagePositions(page);
  return [...before].filter(([id]) => after.has(id)).map(([id, position]) => [position, after.get(id) as string]);
}

test('the reduce-motion switch stills the messages and CSS motion, and is remembered', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const moving = await positionsAcross(page, 2_000, 2_002);
  expect(moving.length, 'a message is in flight at both times').toBeGreaterThan(0);
  expect(moving.some(([before, after]) => before !== after), 'messages glide by default').toBe(true);
  const chevronTransition = (): Promise<string> => page.locator('.side-panel__chevron').first().evaluate((element) => getComputedStyle(element).transitionDuration);
  expect(await chevronTransition()).toBe('0.12s');

  await page.getByTestId('display-menu').click();
  await page.getByTestId('reduced-motion-toggle').check();
  await expect(page.locator('html')).toHaveAttribute('data-reduced-motion', 'true');
  expect(parseFloat(await chevronTransition())).toBeLessThan(0.001);

  const still = await positionsAcross(page, 2_000, 2_002);
  expect(still.length).toBeGreaterThan(0);
  expect(still.every(([before, after]) => before === after), 'messages sit still under reduced motion').toBe(true);
  await page.getByTestId('display-menu').click();
  await expect(page.getByTestId('reduced-motion-toggle')).toBeChecked();
});

test('the dock shows one view at a time: tabs by keyboard, resizable by keyboard, remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openRun(page, '/#scenario=raft-basic&t=1500', 1_500);
  const canvas = await page.getByTestId('topology-canvas').boundingBox();
  expect(canvas!.height, 'the canvas keeps most of a 1280×800 window').toBeGreaterThan(380);
  await expect(page.getByTestId('dock-tab-spacetime')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('spacetime-panel')).toBeVisible();
  await expect(page.getByTestId('raft-log-matrix')).toBeHidden();

  await page.getByTestId('dock-tab-spacetime').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('dock-tab-raft-log-matrix')).toBeFocused();
  await expect(page.getByTestId('dock-tab-raft-log-matrix')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('raft-log-matrix')).toBeVisible();
  await expect(page.getByTestId('spacetime-panel')).toBeHidden();

  const handle = page.getByTestId('dock-resize');
  const height = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(handle).toHaveAttribute('aria-valuenow', String(height + 48));
  const grown = await page.locator('#dock-body').boundingBox();
  expect(Math.round(grown!.height)).toBe(height + 48);
  await page.keyboard.press('End');
  const tallest = Number(await handle.getAttribute('aria-valuemax'));
  await expect(handle).toHaveAttribute('aria-valuenow', String(tallest));
  const shrunkCanvas = await page.getByTestId('topology-canvas').boundingBox();
  expect(shrunkCanvas!.height, 'even at its tallest the dock leaves the canvas room').toBeGreaterThan(250);

  await page.getByTestId('dock-toggle').click();
  await expect(page.getByTestId('dock-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('raft-log-matrix')).toBeHidden();
  await page.getByTestId('side-panel-toggle-network').click();
  await expect(page.getByTestId('side-panel-toggle-network')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('side-panel-network').locator('.side-panel__body')).toBeHidden();

  await page.reload();
  await expectTime(page, 1_500);
  await expect(page.getByTestId('dock-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('side-panel-toggle-network')).toHaveAttribute('aria-expanded', 'false');
  // A tab opens a hidden dock, on the tab chosen before.
  await page.getByTestId('dock-tab-raft-log-matrix').click();
  await expect(page.getByTestId('raft-log-matrix')).toBeVisible();
  await expect(page.getByTestId('dock-resize')).toHaveAttribute('aria-valuenow', String(tallest));
});

test('screen readers hear a loaded run and the faults the user applies; canvas nodes are named with their status', async ({ page }) => {
  await openRun(page, '/#scenario=ping-basic&t=500', 500);
  const announcer = page.getByTestId('announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toHaveText('Loaded Ping: the smallest protocol (Ping): 4 nodes.');
  await expect(page.getByRole('group', { name: 'server n2, up' })).toBeVisible();

  await page.getByTestId('node-n2').click();
  await page.getByTestId('node-menu-crash').click();
  await expect(announcer).toHaveText('n2 crashed by you at 0.500 s; it is now crashed.');
  await expect(page.getByRole('group', { name: 'server n2, crashed' })).toBeVisible();

  for (const landmark of ['banner', 'main', 'complementary', 'contentinfo'] as const) {
    await expect(page.getByRole(landmark)).toHaveCount(1);
  }
});
