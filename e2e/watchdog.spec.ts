import { expect, test, type Page } from '@playwright/test';
import { expectTime, oracle } from './support';
// Brings in the declaration of (window as HookedWindow).__faultlineTest (installed by e2e builds only).
import type { FaultlineTestHooks } from '../src/ui/testing/testHooks';

type HookedWindow = Window & { __faultlineTest?: FaultlineTestHooks };

async function hooks(page: Page) {
  await expect.poll(() => page.evaluate(() => (window as HookedWindow).__faultlineTest !== undefined)).toBe(true);
}

test('a hung worker is replaced and the run restored at the same time and hash', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&t=1200');
  await hooks(page);
  await expectTime(page, 1_200);
  const hashBefore = await page.getByTestId('trace-hash').textContent();
  await page.evaluate(() => {
    (window as HookedWindow).__faultlineTest?.setCallTimeout(700);
    (window as HookedWindow).__faultlineTest?.hangWorker();
  });
  await expect(page.getByTestId('notice')).toContainText('did not answer');
  await expect(page.getByTestId('notice')).toContainText('restored at 1.200 s');
  expect(await page.evaluate(() => (window as HookedWindow).__faultlineTest?.workerGeneration())).toBe(2);
  await expectTime(page, 1_200);
  await expect(page.getByTestId('trace-hash')).toHaveText(hashBefore ?? '');
  // The new worker runs: stepping moves the run on.
  await page.getByTestId('step').click();
  await expect(page.getByTestId('event-count')).not.toHaveText(String(oracle({ example: 'ping-basic', untilMs: 1_200 }).events));
});

test('a crashed worker is replaced and the run restored with the perturbations applied so far', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&t=700');
  await hooks(page);
  await expectTime(page, 700);
  await page.evaluate(() => (window as HookedWindow).__faultlineTest?.apply({ type: 'crash', node: 'n3', at: 0 }));
  await expect(page.getByTestId('node-status-n3')).toHaveText('crashed');
  await page.evaluate(() => (window as HookedWindow).__faultlineTest?.apply({ type: 'pause', node: 'n1', at: 0 }));
  await expect(page.getByTestId('node-status-n1')).toHaveText('paused');
  const hashBefore = await page.getByTestId('trace-hash').textContent();
  const eventsBefore = await page.getByTestId('event-count').textContent();
  await page.evaluate(() => (window as HookedWindow).__faultlineTest?.crashWorker());
  await expect(page.getByTestId('notice')).toContainText('crashed');
  await expect.poll(() => page.evaluate(() => (window as HookedWindow).__faultlineTest?.workerGeneration())).toBe(2);
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  await expectTime(page, 700);
  await expect(page.getByTestId('trace-hash')).toHaveText(hashBefore ?? '');
  await expect(page.getByTestId('event-count')).toHaveText(eventsBefore ?? '');
  await expect(page.getByTestId('node-status-n3')).toHaveText('crashed');
  await expect(page.getByTestId('node-status-n1')).toHaveText('paused');
});

test('after a worker crash the restored run judges its client history again (no verdict left pending)', async ({ page }) => {
  await page.goto('/#scenario=raft-basic&t=3000');
  await hooks(page);
  await expectTime(page, 3_000);
  const linearizability = page.locator('[data-testid="invariant"][data-invariant="Linearizability"]');
  await expect(linearizability).toHaveAttribute('data-status', 'holds');
  await page.evaluate(() => (window as HookedWindow).__faultlineTest?.crashWorker());
  await expect(page.getByTestId('notice')).toContainText('crashed');
  await expect.poll(() => page.evaluate(() => (window as HookedWindow).__faultlineTest?.workerGeneration())).toBe(2);
  await expectTime(page, 3_000);
  // The restore answers with the history verdict deferred; it must follow while the run stays paused here.
  await expect(linearizability).toHaveAttribute('data-status', 'holds');
  await expect(linearizability).not.toContainText('not judged yet');
});
