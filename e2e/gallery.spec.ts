/** Home: the example gallery, one click from the header, each example one click from running. */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ROOT, screenshotPath } from './support';

const INDEX = JSON.parse(readFileSync(resolve(ROOT, 'public/scenarios/index.json'), 'utf8')) as { scenarios: Array<{ name: string; module: string; title: string }> };

test('the gallery lists every example by module and opens one in one click', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  await page.getByTestId('open-gallery').click();
  const gallery = page.getByTestId('gallery');
  await expect(gallery).toBeVisible();
  await expect(gallery.locator('.gallery__card')).toHaveCount(INDEX.scenarios.length);
  await expect(gallery.getByRole('heading', { level: 3 })).toHaveText([/Ping/, /Raft/, /CRDT/i]);
  await page.screenshot({ path: screenshotPath('gallery.png') });

  const raft = INDEX.scenarios.find((entry) => entry.name === 'raft-leader-crash')!;
  await gallery.getByTestId('example-raft-leader-crash').click();
  await expect(page.getByTestId('drawer-examples')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#scenario=raft-leader-crash');
  await expect(page.getByTestId('scenario-title')).toHaveText(raft.title);
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  await expect(page.getByTestId('node-n5')).toBeAttached();
});

test('the gallery is reachable from a broken link and by keyboard', async ({ page }) => {
  await page.goto('/#scenario=no-such-example');
  await expect(page.getByTestId('problem-panel')).toBeVisible();
  await page.getByTestId('open-gallery').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gallery')).toBeVisible();
  const card = page.getByTestId('example-crdt-counter');
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('problem-panel')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#scenario=crdt-counter');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
});
