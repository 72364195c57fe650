/**
 * The CRDT views in a real Chromium: replica cards for each type, issuing operations from a
 * card, the internal-state toggle, the convergence indicator, the naive store's lost updates,
 * the text document coloured by author, and the sync-mode charts. The engine is
 * deterministic, so the expected values, convergence and tombstones come from the headless
 * CLI at the same virtual time, and runs with operations issued in the page are replayed in
 * Node (e2e/faultOracle.ts) to the same trace hash. Reference screenshots go to
 * e2e/screenshots/crdt-*.png.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import type { Action } from '../src/engine/index';
import type { FaultOracleAnswer, FaultOracleRequest } from './faultOracle';
import { ROOT, expectTime, playUntil, position, shownTimeMs, screenshotPath } from './support';

test.use({ viewport: { width: 1600, height: 1300 } });

interface CliReplica {
  id: string;
  status: string;
  state: { value: unknown; versionVector: Record<string, number>; copies: Array<{ mode: string; value: unknown; tombstones: number }>; naive: { entries: Record<string, { value: unknown }> } | null };
}

interface CliRun {
  traceHash: string;
  nodes: CliReplica[];
  summary: { converged: boolean; divergence: string | null; modes: Record<string, { converged: boolean; distinctValues: number; bytesSent: number }> };
  invariants: Array<{ name: string; violationCount: number }>;
}

function cliRun(example: string, untilMs: number): CliRun {
  const argv = ['tsx', 'src/cli/main.ts', 'run', example, '--until', String(untilMs), '--json'];
  try {
    return JSON.parse(execFileSync('npx', argv, { cwd: ROOT, encoding: 'utf8' })) as CliRun;
  } catch (error) {
    // The CLI exits non-zero when an invariant is violated (the naive store's lost updates); its report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout === undefined || stdout === '') throw error;
    return JSON.parse(stdout) as CliRun;
  }
}

function replay(request: FaultOracleRequest): FaultOracleAnswer {
  const output = execFileSync('npx', ['tsx', 'e2e/faultOracle.ts'], { cwd: ROOT, encoding: 'utf8', input: JSON.stringify(request) });
  return JSON.parse(output) as FaultOracleAnswer;
}

async function openPaused(page: Page, example: string, atMs: number): Promise<void> {
  await page.goto(`/#scenario=${example}&t=${atMs}`);
  await expectTime(page, atMs);
  await expect(page.getByTestId('crdt-card-n1')).toBeVisible();
}

/** The value a card shows, as the data it was drawn from. */
async function shownValue(page: Page, nodeId: string): Promise<unknown> {
  return JSON.parse((await page.getByTestId(`crdt-value-${nodeId}`).getAttribute('data-value')) ?? 'null') as unknown;
}

async function expectCardsMatchEngine(page: Page, run: CliRun): Promise<void> {
  for (const node of run.nodes) expect(await shownValue(page, node.id), `value at ${node.id}`).toEqual(node.state.value);
  const badge = page.getByTestId('crdt-convergence');
  await expect(badge).toHaveAttribute('data-converged', String(run.summary.converged));
  await expect(badge).toHaveText(run.summary.converged ? 'converged' : 'diverged');
  for (const [mode, figures] of Object.entries(run.summary.modes)) {
    await expect(page.getByTestId(`crdt-mode-summary-${mode}`)).toHaveAttribute('data-distinct', String(figures.distinctValues));
  }
}

/** The module's charts panel is one of the tabs below the canvas (or a side panel in older layouts). */
async function showSyncCharts(page: Page): Promise<void> {
  const tab = page.getByTestId('dock-tab-crdt-sync-charts');
  if ((await tab.count()) > 0) await tab.click();
  await expect(page.getByTestId('crdt-charts')).toBeVisible();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(`crdt-${name}.png`) });
}

test('counter: an increment shows at its replica first, then everywhere after sync, and the engine agrees', async ({ page }) => {
  await openPaused(page, 'crdt-counter', 5_000);
  const before = cliRun('crdt-counter', 5_000);
  await expectCardsMatchEngine(page, before);
  const total = before.nodes[0]?.state.value as number;

  const at = await position(page);
  await page.getByTestId('crdt-increment-n2').click();
  await expect(page.getByTestId('crdt-value-n2')).toHaveAttribute('data-value', String(total + 1));
  // Not yet elsewhere: the other replicas learn it at the next anti-entropy round.
  await expect(page.getByTestId('crdt-value-n1')).toHaveAttribute('data-value', String(total));
  await expect(page.getByTestId('crdt-value-n3')).toHaveAttribute('data-value', String(total));
  await expect(page.getByTestId('crdt-convergence')).toHaveAttribute('data-converged', 'false');
  // The click acted on the card only: no node menu opened, no node got selected.
  await expect(page.getByTestId('node-menu')).toHaveCount(0);
  await expect(page.getByTestId('inspector-node')).toHaveCount(0);

  const stop = await playUntil(page, async () => (await shownValue(page, 'n1')) === total + 1 && (await shownValue(page, 'n3')) === total + 1);
  await expect(page.getByTestId('crdt-convergence')).toHaveAttribute('data-converged', 'true');
  const action: Action = { type: 'client', node: 'n2', request: { op: 'increment', amount: 1 }, ...at };
  const expected = replay({ example: 'crdt-counter', actions: [action], untilMs: stop.at });
  await expect(page.getByTestId('trace-hash')).toHaveText(expected.traceHash);
  await expect(page.getByTestId('event-count')).toHaveText(String(expected.events));
});

test('counter cards during the partition, with the internal state opened from the keyboard', async ({ page }) => {
  await openPaused(page, 'crdt-counter', 2_000);
  const run = cliRun('crdt-counter', 2_000);
  await expectCardsMatchEngine(page, run);
  expect(run.summary.converged).toBe(false);
  const toggle = page.getByTestId('crdt-internal-toggle-n3');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const vector = run.nodes.find((node) => node.id === 'n3')?.state.versionVector ?? {};
  await expect(page.getByTestId('crdt-vector-n3')).toContainText(['n1', 'n2', 'n3'].map((id) => `${id}:${vector[id] ?? 0}`).join(' '));
  await expect(page.getByTestId('crdt-internal-n3-counts')).toContainText('n3');
  await screenshot(page, 'counter-partition');
});

test('OR-Set: diverged during the partition, converged after the heal, tombstones collected — as the engine says', async ({ page }) => {
  await openPaused(page, 'crdt-orset-partition', 2_000);
  const during = cliRun('crdt-orset-partition', 2_000);
  await expectCardsMatchEngine(page, during);
  expect(during.summary.converged).toBe(false);
  await expect(page.getByTestId('crdt-divergence')).toHaveText(during.summary.divergence ?? '');
  for (const node of during.nodes) {
    await expect(page.getByTestId(`crdt-tombstones-${node.id}`)).toHaveAttribute('data-count', String(node.state.copies[0]?.tombstones));
  }
  await page.getByTestId('crdt-internal-toggle-n2').click();
  await expect(page.getByTestId('crdt-internal-n2-tombstones')).toContainText('milk, removed by n2:');
  // Fit the view so the opened card is whole in the screenshot.
  await page.locator('.react-flow__controls-fitview').click();
  await screenshot(page, 'orset-partition');

  // Play across the heal at 3 s until the indicator turns, and compare with the engine where it stopped.
  await openPaused(page, 'crdt-orset-partition', 2_900);
  const stop = await playUntil(page, async () => (await page.getByTestId('crdt-convergence').getAttribute('data-converged')) === 'true');
  expect(stop.at).toBeGreaterThan(3_000);
  const after = cliRun('crdt-orset-partition', stop.at);
  expect(after.summary.converged).toBe(true);
  await expectCardsMatchEngine(page, after);

  await openPaused(page, 'crdt-orset-partition', 6_000);
  for (const id of ['n1', 'n2', 'n3']) {
    expect(await shownValue(page, id)).toEqual(['eggs', 'milk']);
    await expect(page.getByTestId(`crdt-tombstones-${id}`)).toHaveAttribute('data-count', '0');
  }
});

test('OR-Set: add an element from a card with Enter, remove one from its chip', async ({ page }) => {
  await openPaused(page, 'crdt-orset-partition', 6_000);
  const input = page.getByTestId('crdt-element-input-n3');
  const added = await position(page);
  await input.fill('tea');
  await input.press('Enter');
  await expect(page.getByTestId('crdt-element-n3-tea')).toBeVisible();
  await expect(page.getByTestId('crdt-element-n1-tea')).toHaveCount(0);
  await expect(input).toHaveValue('');
  const removed = await position(page);
  await page.getByTestId('crdt-remove-n1-milk').click();
  await expect(page.getByTestId('crdt-element-n1-milk')).toHaveCount(0);
  const stop = await playUntil(page, async () => {
    const values = await Promise.all(['n1', 'n2', 'n3'].map((id) => shownValue(page, id)));
    return values.every((value) => JSON.stringify(value) === JSON.stringify(['eggs', 'tea']));
  });
  await expect(page.getByTestId('crdt-convergence')).toHaveAttribute('data-converged', 'true');
  const actions: Action[] = [
    { type: 'client', node: 'n3', request: { op: 'add', element: 'tea' }, ...added },
    { type: 'client', node: 'n1', request: { op: 'remove', element: 'milk' }, ...removed },
  ];
  await expect(page.getByTestId('trace-hash')).toHaveText(replay({ example: 'crdt-orset-partition', actions, untilMs: stop.at }).traceHash);
});

test('text: each replica shows the document with characters coloured by author, and typing inserts at the replica', async ({ page }) => {
  await openPaused(page, 'crdt-text', 4_000);
  await expectCardsMatchEngine(page, cliRun('crdt-text', 4_000));
  const card = page.getByTestId('crdt-card-n1');
  const runs = card.locator('.crdt-document [data-author]');
  await expect(runs).toHaveText(['oh, ', 'ello', ' there', ' world']);
  expect(await runs.evaluateAll((spans) => spans.map((span) => span.getAttribute('data-author')))).toEqual(['n3', 'n1', 'n2', 'n1']);
  const colours = await runs.evaluateAll((spans) => spans.map((span) => getComputedStyle(span).color));
  expect(new Set(colours).size).toBe(3);
  expect(colours[1]).toBe(colours[3]);
  // The legend's swatch for each author has that author's colour.
  const swatch = await card.getByTestId('crdt-author-n2').locator('.crdt-legend__swatch').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(swatch).toBe(colours[2]);
  await expect(card.locator('.crdt-legend li')).toHaveText(['n3', 'n1', 'n2']);
  await screenshot(page, 'text');

  const at = await position(page);
  await page.getByTestId('crdt-text-input-n2').fill('!');
  await page.getByTestId('crdt-insert-n2').click();
  await expect(page.getByTestId('crdt-value-n2')).toHaveAttribute('data-value', '"oh, ello there world!"');
  await expect(page.getByTestId('crdt-card-n2').locator('.crdt-document [data-author]').last()).toHaveText('!');
  await expect(page.getByTestId('crdt-value-n1')).toHaveAttribute('data-value', '"oh, ello there world"');
  const stop = await playUntil(page, async () => (await shownValue(page, 'n1')) === 'oh, ello there world!' && (await shownValue(page, 'n3')) === 'oh, ello there world!');
  const action: Action = { type: 'client', node: 'n2', request: { op: 'insert', text: '!', position: 20 }, ...at };
  await expect(page.getByTestId('trace-hash')).toHaveText(replay({ example: 'crdt-text', actions: [action], untilMs: stop.at }).traceHash);
});

test('cart: lines as item, quantity × price; add to cart with a price and remove a line from a card', async ({ page }) => {
  await openPaused(page, 'crdt-cart', 4_000);
  await expectCardsMatchEngine(page, cliRun('crdt-cart', 4_000));
  await expect(page.getByTestId('crdt-cart-n3-apple')).toHaveText(/apple\s*4\s*× 1\.35/);
  await expect(page.getByTestId('crdt-cart-n3-tea')).toHaveText(/tea\s*2\s*× 4\.50/);
  await screenshot(page, 'cart');
  await page.getByTestId('crdt-item-input-n3').fill('jam');
  await page.getByTestId('crdt-price-input-n3').fill('2.50');
  await page.getByTestId('crdt-cart-add-n3').click();
  await expect(page.getByTestId('crdt-cart-n3-jam')).toHaveText(/jam\s*1\s*× 2\.50/);
  await page.getByTestId('crdt-cart-remove-n1-tea').click();
  await expect(page.getByTestId('crdt-cart-n1-tea')).toHaveCount(0);
  await expect(page.getByTestId('crdt-cart-n2-tea')).toBeVisible();
  await playUntil(page, async () => (await page.getByTestId('crdt-convergence').getAttribute('data-converged')) === 'true');
  for (const id of ['n1', 'n2', 'n3']) expect(await shownValue(page, id)).toEqual({ apple: { quantity: 4, price: 135 }, jam: { quantity: 1, price: 250 } });
});

test('sync modes side by side: per-mode rows on the cards, the summary per mode and the bytes chart', async ({ page }) => {
  await openPaused(page, 'crdt-sync-modes', 3_000);
  const run = cliRun('crdt-sync-modes', 3_000);
  await expectCardsMatchEngine(page, run);
  for (const node of run.nodes) {
    const first = JSON.stringify(node.state.copies[0]?.value);
    for (const copy of node.state.copies) {
      await expect(page.getByTestId(`crdt-mode-${node.id}-${copy.mode}`)).toHaveAttribute('data-agrees', String(JSON.stringify(copy.value) === first));
    }
  }
  for (const [mode, figures] of Object.entries(run.summary.modes)) {
    await expect(page.getByTestId(`crdt-mode-summary-${mode}`)).toHaveAttribute('data-converged', String(figures.converged));
  }
  const firstCopies = run.nodes[0]?.state.copies ?? [];
  const modesDiffer = firstCopies.some((copy) => JSON.stringify(copy.value) !== JSON.stringify(firstCopies[0]?.value));
  expect(modesDiffer).toBe(true);
  await expect(page.getByTestId('crdt-modes-differ')).toBeVisible();
  await expect(page.getByTestId('crdt-mode-value-n1-delta')).toBeVisible();
  await showSyncCharts(page);
  await expect(page.getByTestId('crdt-chart-bytes').locator('.faultline-chart__lines path')).toHaveCount(3);
  await expect(page.getByTestId('crdt-chart-states').locator('.faultline-chart__lines path')).toHaveCount(3);
  // Clicking the card (not a control) selects the replica: the inspector shows its full internal state.
  await page.getByTestId('crdt-card-n1').locator('.node-card__id').click();
  await expect(page.getByTestId('crdt-inspector-n1')).toBeVisible();
  await expect(page.getByTestId('crdt-inspector-n1').getByTestId('crdt-vector-table').first()).toContainText('stable (seen by all)');
  await expect(page.getByTestId('crdt-inspector-n1-delta')).toContainText('Delta buffer');
  await page.keyboard.press('Escape');
  await screenshot(page, 'sync-modes');
});

test('sync modes, played from the start: the charts record distinct states and bytes as the run goes', async ({ page }) => {
  await page.goto('/#scenario=crdt-sync-modes&paused=1');
  await expect(page.getByTestId('crdt-card-n1')).toBeVisible();
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await expect(page.getByTestId('speed-value')).not.toHaveText('×1');
  const stop = await playUntil(page, async () => (await shownTimeMs(page)) > 5_000);
  const run = cliRun('crdt-sync-modes', stop.at);
  await expectCardsMatchEngine(page, run);
  // The panel recorded while its tab was hidden; shown now, it draws the whole run.
  await showSyncCharts(page);
  const bytesChart = page.getByTestId('crdt-chart-bytes').locator('svg');
  for (const [mode, figures] of Object.entries(run.summary.modes)) {
    await expect(bytesChart).toHaveAttribute('aria-label', new RegExp(`${mode} ${Number((figures.bytesSent / 1000).toFixed(2))} kB`));
  }
  await screenshot(page, 'sync-modes-charts');
});

test('naive LWW store: its value per replica and the lost updates the checker counted', async ({ page }) => {
  await openPaused(page, 'crdt-lww-skew', 3_000);
  const run = cliRun('crdt-lww-skew', 3_000);
  await expectCardsMatchEngine(page, run);
  const lost = run.invariants.find((invariant) => invariant.name === 'No lost updates (naive store)')?.violationCount;
  expect(lost).toBe(2);
  await expect(page.getByTestId('crdt-lost-updates')).toHaveAttribute('data-count', String(lost));
  for (const node of run.nodes) {
    const entries = Object.entries(node.state.naive?.entries ?? {}).map(([key, entry]) => `${key}=${String(entry.value)}`);
    await expect(page.getByTestId(`crdt-naive-value-${node.id}`)).toHaveText(`${node.id}${entries.join(' ')}`);
    await expect(page.getByTestId(`crdt-naive-${node.id}`)).toContainText(entries.join(' '));
  }
  await screenshot(page, 'lww-skew');
});

test('dark theme: replica cards with author colours stay readable', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await openPaused(page, 'crdt-text', 2_000);
  await expect(page.getByTestId('crdt-convergence')).toHaveText('diverged');
  await screenshot(page, 'text-dark');
});
