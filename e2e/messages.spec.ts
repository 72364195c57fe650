/**
 * The network panel and the in-flight message list, in a real Chromium: sliders apply one
 * network action when released, presets are single engine actions, and a message picked
 * from the list (the keyboard's way in) can be duplicated. The engine side is a replay in
 * Node of the example plus the same actions (e2e/faultOracle.ts).
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import type { Action } from '../src/engine/index';
import type { FaultOracleAnswer, FaultOracleRequest } from './faultOracle';
import { ROOT, expectTime, shownTimeMs } from './support';

test.use({ viewport: { width: 1600, height: 1400 } });

function faultOracle(request: FaultOracleRequest): FaultOracleAnswer {
  const output = execFileSync('npx', ['tsx', 'e2e/faultOracle.ts'], { cwd: ROOT, encoding: 'utf8', input: JSON.stringify(request) });
  return JSON.parse(output) as FaultOracleAnswer;
}

async function openPaused(page: Page, atMs: number): Promise<{ at: number; afterEvent: number }> {
  await page.goto(`/#scenario=ping-basic&t=${atMs}`);
  await expectTime(page, atMs);
  await expect(page.getByTestId('network-panel')).toBeVisible();
  return { at: await shownTimeMs(page), afterEvent: Number(await page.getByTestId('event-count').textContent()) };
}

async function expectEngineHash(page: Page, actions: Action[], untilMs: number): Promise<FaultOracleAnswer> {
  const expected = faultOracle({ example: 'ping-basic', actions, untilMs });
  await expect(page.getByTestId('trace-hash')).toHaveText(expected.traceHash);
  return expected;
}

test('a latency slider sends one network action per release, and shows the run’s value', async ({ page }) => {
  const at = await openPaused(page, 600);
  const value = page.getByTestId('network-latencyMs-value');
  await expect(value).toHaveText('10 ms');
  await page.getByTestId('network-latencyMs').focus();
  await page.keyboard.press('ArrowRight');
  await expect(value).toHaveText('11 ms');
  await expectEngineHash(page, [{ type: 'network', latencyMs: 11, ...at }], at.at);
});

test('presets: flaky network, split brain and isolate are single engine actions', async ({ page }) => {
  const at = await openPaused(page, 600);
  await page.getByTestId('preset-flaky').click();
  await expect(page.getByTestId('network-lossRatio-value')).toHaveText('20 %');
  await expect(page.getByTestId('network-duplicationRatio-value')).toHaveText('5 %');
  const flaky: Action = { type: 'network', lossRatio: 0.2, duplicationRatio: 0.05, jitterMs: 10, ...at };
  await expectEngineHash(page, [flaky], at.at);

  await page.getByTestId('preset-split-brain').click();
  await expect(page.getByTestId('node-n3')).toHaveAttribute('data-partition-group', '1');
  const split: Action = { type: 'partition', groups: [['n1', 'n2', 'c1'], ['n3']], ...at };
  await expectEngineHash(page, [flaky, split], at.at);

  await page.getByTestId('preset-heal').click();
  await expect(page.getByTestId('node-n3')).not.toHaveAttribute('data-partition-group', /.*/);
  // Selecting a node on the canvas makes it the preset's target.
  await page.getByTestId('node-n2').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('preset-isolate')).toHaveText('Isolate n2');
  await page.getByTestId('preset-isolate').click();
  await expect(page.getByTestId('node-n2')).toHaveAttribute('data-partition-group', /\d/);
  const engine = await expectEngineHash(page, [flaky, split, { type: 'heal', ...at }, { type: 'isolate', node: 'n2', ...at }], at.at);
  expect(engine.cut).toContain('n1>n2');
});

test('pick a message from the in-flight list and duplicate it', async ({ page }) => {
  const at = await openPaused(page, 628);
  const before = faultOracle({ example: 'ping-basic', actions: [], untilMs: 628 });
  const first = before.inFlight[0]!;
  await page.getByTestId(`in-flight-${first.id}`).click();
  await expect(page.getByTestId('message-card')).toBeVisible();
  await expect(page.locator(`circle[data-message-id="${first.id}"]`)).toHaveClass(/message-dot--selected/);
  await page.getByTestId('message-duplicate').click();
  await expect(page.locator('circle[data-message-id]')).toHaveCount(before.inFlight.length + 1);
  const engine = await expectEngineHash(page, [{ type: 'duplicate', message: first.id, ...at }], at.at);
  expect(engine.inFlight).toHaveLength(before.inFlight.length + 1);
});

test('the inspector shows the payload of the message picked, and of no other (frames carry only that one)', async ({ page }) => {
  await openPaused(page, 628);
  const { inFlight } = faultOracle({ example: 'ping-basic', actions: [], untilMs: 628 });
  // Ping messages carry one number: the ping's nonce or the echo's request id.
  const numberIn = (payload: unknown): string => String(Object.values(payload as Record<string, unknown>).find((value) => typeof value === 'number'));
  const payload = page.getByTestId('inspector-payload');
  const numbers = payload.locator('.plain-tree__value--number');
  for (const message of inFlight.slice(0, 2)) {
    await page.getByTestId(`in-flight-${message.id}`).click();
    await expect(page.getByTestId('inspector-message')).toContainText(`#${message.id}`);
    await expect(numbers).toHaveText([numberIn(message.message)]);
  }
});

test('after seeking back and forth the message dots are exactly the messages then in flight, each labelled as itself', async ({ page }) => {
  // About 240 messages are in flight at both times and almost none is the same: the overlay
  // hands the circles of departed messages to arriving ones, which must not mix up labels.
  await page.goto('/#scenario=bench-raft-9&t=2600');
  await expectTime(page, 2600);
  const scrubber = page.getByTestId('scrubber');
  for (const ms of [2000, 2600]) {
    await scrubber.fill(String(ms));
    await expectTime(page, ms);
    const expected = faultOracle({ example: 'bench-raft-9', actions: [], untilMs: ms });
    const dots = page.locator('circle[data-message-id]');
    await expect(dots).toHaveCount(expected.inFlight.length);
    const shown = await dots.evaluateAll((circles) =>
      circles.map((circle) => ({ id: Number(circle.getAttribute('data-message-id')), testId: circle.getAttribute('data-testid'), title: circle.querySelector('title')?.textContent, held: circle.getAttribute('data-held') })),
    );
    const byId = new Map(expected.inFlight.map((message) => [message.id, message]));
    expect(shown.map((dot) => dot.id).sort((a, b) => a - b)).toEqual([...byId.keys()].sort((a, b) => a - b));
    for (const dot of shown) {
      const message = byId.get(dot.id)!;
      expect(dot).toEqual({ id: message.id, testId: `message-${message.id}`, title: `${message.type} #${message.id} ${message.from}→${message.to}${message.held ? ' (held)' : ''}`, held: String(message.held) });
    }
  }
});
