/**
 * Faults by direct manipulation, in a real Chromium: each spec acts with the mouse (or the
 * keyboard), checks what the canvas shows, and checks the engine agrees — the page's trace
 * hash equals a from-scratch replay in Node of the example plus the same actions, each
 * stamped with the time and event count the page showed when the spec acted.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import type { Action } from '../src/engine/index';
import type { FaultOracleAnswer, FaultOracleRequest } from './faultOracle';
import { ROOT, expectTime, playUntil, position, shownTimeMs, screenshotPath } from './support';

// A tall window, so the canvas keeps room beside the panels below it (the reference screenshots show it).
test.use({ viewport: { width: 1600, height: 1400 } });

function faultOracle(request: FaultOracleRequest): FaultOracleAnswer {
  const output = execFileSync('npx', ['tsx', 'e2e/faultOracle.ts'], { cwd: ROOT, encoding: 'utf8', input: JSON.stringify(request) });
  return JSON.parse(output) as FaultOracleAnswer;
}

/** Where the run stands now: what an action applied now is stamped with. */
async function openPaused(page: Page, example: string, atMs: number): Promise<void> {
  await page.goto(`/#scenario=${example}&t=${atMs}`);
  await expectTime(page, atMs);
  await expect(page.getByTestId('node-n1')).toBeVisible();
}

async function expectEngineHash(page: Page, example: string, actions: Action[], untilMs: number): Promise<FaultOracleAnswer> {
  const expected = faultOracle({ example, actions, untilMs });
  await expect(page.getByTestId('trace-hash')).toHaveText(expected.traceHash);
  await expect(page.getByTestId('event-count')).toHaveText(String(expected.events));
  return expected;
}

/** Opens a link's menu with the mouse (on the link's middle) or, where messages may sit on it, the keyboard. */
async function openLinkMenu(page: Page, a: string, b: string, by: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
  if (by === 'mouse') {
    await page.getByTestId(`link-${a}-${b}`).locator('.link-lanes__hit').click({ force: true });
  } else {
    await page.getByTestId(`link-${a}-${b}`).focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('link-menu')).toBeVisible();
}

test('crash and restart a node with the mouse: the badge changes and the engine agrees', async ({ page }) => {
  await openPaused(page, 'ping-basic', 600);
  const crashAt = await position(page);
  await page.getByTestId('node-n3').click();
  await expect(page.getByTestId('node-menu')).toBeVisible();
  await page.getByTestId('node-menu-crash').click();
  await expect(page.getByTestId('node-status-n3')).toHaveText('crashed');
  await expect(page.getByTestId('node-n3')).toHaveAttribute('data-status', 'crashed');
  const crash: Action = { type: 'crash', node: 'n3', ...crashAt };
  expect((await expectEngineHash(page, 'ping-basic', [crash], crashAt.at)).statuses.n3).toBe('crashed');

  const restartAt = await playUntil(page, async () => (await shownTimeMs(page)) > 750);
  await page.getByTestId('node-n3').click({ button: 'right' });
  await page.getByTestId('node-menu-restart').click();
  await expect(page.getByTestId('node-status-n3')).toHaveText('up');
  const restart: Action = { type: 'restart', node: 'n3', ...restartAt };
  expect((await expectEngineHash(page, 'ping-basic', [crash, restart], restartAt.at)).statuses.n3).toBe('up');
});

test('the node menu opens from the keyboard and offers what fits the node', async ({ page }) => {
  await openPaused(page, 'raft-basic', 1_500);
  await page.getByTestId('rf__node-n2').focus();
  await page.keyboard.press('Enter');
  const menu = page.getByTestId('node-menu');
  await expect(menu).toBeVisible();
  // Raft has an election timer to force; the first item has focus.
  await expect(page.getByTestId('node-menu-timeout')).toHaveText('Force election timeout');
  await expect(page.getByTestId('node-menu-crash')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('node-menu-pause')).toBeFocused();
  await page.getByTestId('topology-canvas').screenshot({ path: screenshotPath('faults-node-menu.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-status-n2')).toHaveText('paused');
  await expect(menu).toBeHidden();
});

test('cut a link one way and repair it: the lane shows it and the engine agrees', async ({ page }) => {
  await openPaused(page, 'ping-basic', 600);
  const link = page.getByTestId('link-n1-n2');
  await expect(link).toHaveAttribute('data-forward', 'healthy');
  const cutAt = await position(page);
  await openLinkMenu(page, 'n1', 'n2');
  await page.getByTestId('link-menu-cut-n1-n2').click();
  await expect(link).toHaveAttribute('data-forward', 'cut');
  await expect(link).toHaveAttribute('data-backward', 'healthy');
  await expect(link).toHaveAttribute('aria-label', /cut one way \(n1→n2\)/);
  const cut: Action = { type: 'cut', from: 'n1', to: 'n2', oneWay: true, ...cutAt };
  expect((await expectEngineHash(page, 'ping-basic', [cut], cutAt.at)).cut).toEqual(['n1>n2']);
  await page.getByTestId('topology-canvas').screenshot({ path: screenshotPath('faults-cut-link.png') });

  await openLinkMenu(page, 'n1', 'n2');
  await page.getByTestId('link-menu-repair').click();
  await expect(link).toHaveAttribute('data-forward', 'healthy');
  const repair: Action = { type: 'repair', from: 'n1', to: 'n2', ...cutAt };
  expect((await expectEngineHash(page, 'ping-basic', [cut, repair], cutAt.at)).cut).toEqual([]);
});

test('draw a partition by clicking nodes into groups, then heal it', async ({ page }) => {
  await openPaused(page, 'ping-basic', 600);
  const at = await position(page);
  await page.getByTestId('partition-start').click();
  for (const id of ['n1', 'n2', 'c1']) await page.getByTestId(`node-${id}`).click();
  // n3: A, then B.
  await page.getByTestId('node-n3').click();
  await page.getByTestId('node-n3').click();
  await expect(page.getByTestId('draft-group-n1')).toHaveText('A');
  await expect(page.getByTestId('draft-group-n3')).toHaveText('B');
  await expect(page.getByTestId('node-menu')).toBeHidden();
  await page.getByTestId('partition-apply').click();

  await expect(page.getByTestId('node-n3')).toHaveAttribute('data-partition-group', '1');
  await expect(page.getByTestId('node-n1')).toHaveAttribute('data-partition-group', '0');
  await expect(page.getByTestId('link-n2-n3')).toHaveAttribute('data-forward', 'cut');
  await expect(page.getByTestId('link-n2-n3')).toHaveAttribute('data-backward', 'cut');
  await expect(page.getByTestId('link-n1-n2')).toHaveAttribute('data-forward', 'healthy');
  const partition: Action = { type: 'partition', groups: [['n1', 'n2', 'c1'], ['n3']], ...at };
  const engine = await expectEngineHash(page, 'ping-basic', [partition], at.at);
  expect(engine.cut.sort()).toEqual(['c1>n3', 'n1>n3', 'n2>n3', 'n3>c1', 'n3>n1', 'n3>n2']);
  await page.getByTestId('topology-canvas').screenshot({ path: screenshotPath('faults-partition.png') });

  await page.getByTestId('heal-all').click();
  await expect(page.getByTestId('node-n3')).not.toHaveAttribute('data-partition-group', /.*/);
  await expect(page.getByTestId('link-n2-n3')).toHaveAttribute('data-forward', 'healthy');
  await expectEngineHash(page, 'ping-basic', [partition, { type: 'heal', ...at }], at.at);
});

test('drop a message in flight: it disappears and the engine trace says it was dropped by hand', async ({ page }) => {
  // At 628 ms three messages are in flight in this example (checked by the oracle below).
  await openPaused(page, 'ping-basic', 628);
  const before = faultOracle({ example: 'ping-basic', actions: [], untilMs: 628 });
  const target = before.inFlight.find((message) => message.from === 'n3');
  expect(target).toBeDefined();
  const id = target!.id;
  await expect(page.locator('circle[data-message-id]')).toHaveCount(before.inFlight.length);
  await page.getByTestId('topology-canvas').screenshot({ path: screenshotPath('faults-messages-in-flight.png') });
  const at = await position(page);
  await page.locator(`circle[data-message-id="${id}"]`).click();
  await expect(page.getByTestId('message-card')).toBeVisible();
  await expect(page.getByTestId('message-card-route')).toHaveText(`${target!.from} → ${target!.to}`);
  await page.getByTestId('message-drop').click();
  await expect(page.locator(`circle[data-message-id="${id}"]`)).toHaveCount(0);
  await expect(page.locator('circle[data-message-id]')).toHaveCount(before.inFlight.length - 1);
  await expect(page.getByTestId('message-card')).toBeHidden();
  const engine = await expectEngineHash(page, 'ping-basic', [{ type: 'drop', message: id, ...at }], at.at);
  expect(engine.drops).toContainEqual({ messageId: id, detail: 'dropped by hand' });
});

test('hold a link, then deliver its waiting messages one at a time', async ({ page }) => {
  // After the example's own faults (the network heals at 2.5 s).
  await openPaused(page, 'ping-basic', 3_000);
  const holdAt = await position(page);
  await openLinkMenu(page, 'n1', 'n2', 'keyboard');
  await page.getByTestId('link-menu-hold-n1-n2').click();
  const link = page.getByTestId('link-n1-n2');
  await expect(link).toHaveAttribute('data-forward', 'held');
  const waiting = async (): Promise<number> => Number(await link.getAttribute('data-forward-waiting'));
  const stop = await playUntil(page, async () => (await waiting()) >= 2);
  const count = await waiting();
  const parked = page.locator('circle[data-message-id][data-held="true"]');
  await expect(parked).toHaveCount(count);
  await page.getByTestId('topology-canvas').screenshot({ path: screenshotPath('faults-held-link.png') });

  await openLinkMenu(page, 'n1', 'n2', 'keyboard');
  const list = page.getByTestId('held-messages');
  // The menu lists at most twelve waiting messages and counts the rest.
  await expect(list.locator('li')).toHaveCount(Math.min(count, 12));
  const firstId = Number((await list.locator('button').first().getAttribute('data-testid'))!.replace('deliver-held-', ''));
  await list.locator('button').first().click();
  await expect(link).toHaveAttribute('data-forward-waiting', String(count - 1));
  await expect(list.locator('li')).toHaveCount(Math.min(count - 1, 12));
  await expect(list.locator(`[data-testid="deliver-held-${firstId}"]`)).toHaveCount(0);
  // "Deliver now" queues the delivery at this very instant; one step runs it. A replay to
  // this time runs every event at or before it, so it is compared after that step.
  await page.keyboard.press('Escape');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('event-count')).toHaveText(String(stop.afterEvent + 1));
  await expect(page.locator(`circle[data-message-id="${firstId}"]`)).toHaveCount(0);
  const hold: Action = { type: 'hold', from: 'n1', to: 'n2', ...holdAt };
  const deliver: Action = { type: 'deliver', message: firstId, ...stop };
  const engine = await expectEngineHash(page, 'ping-basic', [hold, deliver], stop.at);
  expect(engine.inFlight.filter((message) => message.held)).toHaveLength(count - 1);
  expect(engine.inFlight.map((message) => message.id)).not.toContain(firstId);
});

test('screenshot: a Raft cluster with messages in flight on a large canvas', async ({ page }) => {
  await openPaused(page, 'raft-basic', 1_503);
  await expect(page.locator('circle[data-message-id]').first()).toBeVisible();
  await page.getByTestId('topology-canvas').screenshot({ path: screenshotPath('faults-raft-messages.png') });
});
