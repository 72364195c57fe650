/**
 * The Raft views in a real browser: node cards, the log matrix, the key-value and client
 * panels and the keyboard shortcuts. The engine is deterministic, so the expected roles,
 * terms, commit indexes and logs come from the headless CLI at the same virtual time, and
 * the page must show exactly those.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, expectTime, oracle, screenshotPath } from './support';

interface CliEntry {
  index: number;
  term: number;
}

interface CliNode {
  id: string;
  kind: 'server' | 'client';
  status: string;
  state: {
    role?: string;
    term?: number;
    commitIndex?: number;
    log?: CliEntry[];
    snapshot?: { lastIncludedIndex: number } | null;
    kv?: Record<string, string>;
  } | null;
}

interface CliRun {
  traceHash: string;
  nodes: CliNode[];
}

/** The CLI's report for a scenario argument (example name or app URL) at `untilMs`, with node states. */
function cliNodes(argument: string, untilMs: number): CliRun {
  const output = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'run', argument, '--until', String(untilMs), '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output) as CliRun;
}

function servers(run: CliRun): CliNode[] {
  return run.nodes.filter((node) => node.kind === 'server');
}

/** The up server leading the highest term, as the engine's @leader selector picks it. */
function leaderOf(run: CliRun): CliNode {
  const leaders = servers(run).filter((node) => node.status === 'up' && node.state?.role === 'leader');
  leaders.sort((left, right) => (right.state?.term ?? 0) - (left.state?.term ?? 0));
  const leader = leaders[0];
  if (leader === undefined) throw new Error('the engine has no leader at this time');
  return leader;
}

/** Every log-matrix cell the page draws, by server: index → [term, state]. */
async function matrixCells(page: Page): Promise<Record<string, Record<number, [number, string]>>> {
  return page.getByTestId('raft-log-matrix').evaluate((matrix) => {
    const rows: Record<string, Record<number, [number, string]>> = {};
    for (const row of matrix.querySelectorAll<HTMLElement>('[data-testid^="raft-matrix-row-"]')) {
      const id = (row.dataset.testid ?? '').replace('raft-matrix-row-', '');
      const cells: Record<number, [number, string]> = {};
      for (const cell of row.querySelectorAll<HTMLElement>('td[data-term]')) cells[Number(cell.dataset.index)] = [Number(cell.dataset.term), cell.dataset.state ?? ''];
      rows[id] = cells;
    }
    return rows;
  });
}

/** The page's log matrix holds, for every server, exactly the engine's entries in its window, committed up to its commit index. */
async function expectMatrixMatches(page: Page, run: CliRun): Promise<void> {
  // Dock views update only while shown (hidden ones keep their state but skip frames).
  await page.getByTestId('dock-tab-raft-log-matrix').click();
  const matrix = page.getByTestId('raft-log-matrix');
  const firstIndex = Number(await matrix.getAttribute('data-first-index'));
  const cells = await matrixCells(page);
  for (const server of servers(run)) {
    const state = server.state;
    const row = page.getByTestId(`raft-matrix-row-${server.id}`);
    if (server.status === 'up') await expect(row).toHaveAttribute('data-commit-index', String(state?.commitIndex));
    const expected: Record<number, [number, string]> = {};
    for (const entry of state?.log ?? []) {
      if (entry.index < firstIndex) continue;
      const committed = server.status !== 'up' ? 'unknown' : entry.index <= (state?.commitIndex ?? 0) ? 'committed' : 'uncommitted';
      expected[entry.index] = [entry.term, committed];
    }
    expect(cells[server.id], `log-matrix row of ${server.id}`).toEqual(expected);
  }
}

/** Screenshots only: lets the canvas finish fitting its view before the picture is taken. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600);
}

test.describe('Raft views', () => {
  test('raft-basic at 2 s: every card shows the engine’s role, term and commit index, and the log matrix its logs', async ({ page }) => {
    const run = cliNodes('raft-basic', 2_000);
    await page.goto('/#scenario=raft-basic&t=2000');
    await expectTime(page, 2_000);
    await expect(page.getByTestId('trace-hash')).toHaveText(run.traceHash);
    const leader = leaderOf(run);
    await expect(page.getByTestId(`raft-role-${leader.id}`)).toHaveText('leader');
    await expect(page.getByTestId(`raft-term-${leader.id}`)).toHaveText(String(leader.state?.term));
    for (const server of servers(run)) {
      await expect(page.getByTestId(`raft-role-${server.id}`)).toHaveText(server.state?.role ?? '');
      await expect(page.getByTestId(`raft-term-${server.id}`)).toHaveText(String(server.state?.term));
      await expect(page.getByTestId(`raft-commit-${server.id}`)).toHaveText(`commit ${server.state?.commitIndex}`);
    }
    // Followers show a draining election timer; the leader has none and a full ring.
    await expect(page.getByTestId(`raft-ring-${leader.id}`)).toHaveAttribute('data-remaining', '1.000');
    await expectMatrixMatches(page, run);
    await expect(page.getByTestId('raft-log-matrix')).toHaveAttribute('data-leader', leader.id);
    // The key-value panel shows the leader's store.
    await page.getByTestId('dock-tab-raft-kv').click();
    for (const [key, value] of Object.entries(leader.state?.kv ?? {})) {
      await expect(page.getByTestId(`raft-kv-key-${key}`).locator(`td[data-node="${leader.id}"]`)).toHaveAttribute('title', value);
    }
  });

  test('raft-figure8-bug at 650 ms: the term-3 leader and the old-term entry it wrongly committed', async ({ page }) => {
    const run = cliNodes('raft-figure8-bug', 650);
    await page.goto('/#scenario=raft-figure8-bug&t=650');
    await expectTime(page, 650);
    await expect(page.getByTestId('trace-hash')).toHaveText(run.traceHash);
    const leader = leaderOf(run);
    expect(leader.id).toBe('n1');
    await expect(page.getByTestId('raft-role-n1')).toHaveText('leader');
    await expect(page.getByTestId('raft-term-n1')).toHaveText(String(leader.state?.term));
    await expectMatrixMatches(page, run);
    // Index 2 holds a term-1 entry, and the buggy leader has committed it by counting replicas.
    const cell = page.getByTestId('raft-matrix-row-n1').locator('td[data-index="2"]');
    await expect(cell).toHaveAttribute('data-term', '1');
    await expect(cell).toHaveAttribute('data-state', 'committed');
    // The card's log tail agrees: solid boxes for committed entries, dashed for the rest.
    const tail = page.getByTestId('raft-log-tail-n1');
    await expect(tail.locator('[data-index="2"]')).toHaveAttribute('data-state', 'committed');
  });

  test('a put sent from the client panel reaches every server’s key-value store', async ({ page }) => {
    await page.goto('/#scenario=raft-basic');
    await expect(page.getByTestId('shell')).toHaveAttribute('data-playing', 'true');
    const panel = page.getByTestId('raft-client-panel');
    await panel.getByTestId('raft-client-target').selectOption('c1');
    await panel.getByTestId('raft-client-operation').selectOption('put');
    await panel.getByTestId('raft-client-key').fill('lab');
    await panel.getByTestId('raft-client-value').fill('hello');
    await panel.getByTestId('raft-client-send').click();
    await expect(panel.getByTestId('raft-client-message')).toHaveText('Sent put lab = hello to c1.');
    await page.getByTestId('dock-tab-raft-kv').click();
    const row = page.getByTestId('raft-kv-key-lab');
    for (const server of ['n1', 'n2', 'n3', 'n4', 'n5']) {
      await expect(row.locator(`td[data-node="${server}"]`)).toHaveText('hello', { timeout: 15_000 });
    }
    // The read path the run uses is shown, and another can be chosen.
    await expect(page.getByTestId('raft-read-path')).toHaveAttribute('data-read-path', 'log');
  });

  test('choosing another read path restarts the run with it', async ({ page }) => {
    await page.goto('/#scenario=raft-basic&paused=1');
    await expect(page.getByTestId('raft-read-path')).toHaveAttribute('data-read-path', 'log');
    await page.getByTestId('raft-read-path-select').selectOption('read-index');
    await page.getByTestId('raft-read-path-restart').click();
    await expect(page.getByTestId('raft-read-path')).toHaveAttribute('data-read-path', 'read-index');
    expect(page.url()).toContain('#s=');
  });

  test("shortcuts: 'r' restarts the leader, 't' forces a split vote, 'c' sends a put through c1", async ({ page }) => {
    const run = cliNodes('raft-basic', 2_000);
    const leader = leaderOf(run);
    await page.goto('/#scenario=raft-basic&t=2000');
    await expectTime(page, 2_000);
    await expect(page.getByTestId(`raft-role-${leader.id}`)).toHaveText('leader');
    await page.getByTestId('scenario-title').click();
    await page.keyboard.press('r');
    // A restart is a crash and a recovery: the old leader comes back as a follower with its persistent term.
    await expect(page.getByTestId(`raft-role-${leader.id}`)).toHaveText('follower');
    await expect(page.getByTestId(`raft-term-${leader.id}`)).toHaveText(String(leader.state?.term));
    await page.keyboard.press('t');
    await expect(page.locator('[data-testid^="raft-role-"]', { hasText: /^candidate$/ })).toHaveCount(2);
    // c1 starts the put at once when idle, or queues it behind the operation in progress.
    const before = await page.getByTestId('raft-client-operation-c1').textContent();
    await page.keyboard.press('c');
    await expect(page.getByTestId('raft-client-operation-c1')).toHaveText(before === 'idle' ? /^put k[123] v\d+/ : /\+1 queued$/);
  });

  test('screenshots: a 5-node cluster mid-run, a 9-node cluster and the log matrix', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const five = cliNodes('raft-basic', 1_730);
    await page.goto('/#scenario=raft-basic&t=1730');
    await expectTime(page, 1_730);
    await expect(page.getByTestId(`raft-role-${leaderOf(five).id}`)).toHaveText('leader');
    await settle(page);
    await page.screenshot({ path: screenshotPath('raft-five-nodes.png') });
    // The log matrix is a tab of the dock below the canvas (the diagram shows by default); the choice is remembered.
    await page.getByTestId('dock-tab-raft-log-matrix').click();
    await page.getByTestId('raft-log-matrix').screenshot({ path: screenshotPath('raft-log-matrix.png') });

    // The Figure 8 bug after the fact: index 2 committed with different entries on different servers.
    await page.goto('/#scenario=raft-figure8-bug&t=1000');
    await expectTime(page, 1_000);
    await expect(page.getByTestId('raft-matrix-row-n1').locator('td[data-index="2"]')).toHaveAttribute('data-term', '1');
    await expect(page.getByTestId('raft-matrix-row-n2').locator('td[data-index="2"]')).toHaveAttribute('data-term', '2');
    await settle(page);
    await page.getByTestId('raft-log-matrix').screenshot({ path: screenshotPath('raft-log-matrix-figure8.png') });

    // Nine servers need a taller window for the canvas to draw the cards at a readable size.
    await page.setViewportSize({ width: 1600, height: 1200 });
    const nine = oracle({ example: 'raft-basic', patch: { nodes: 9 }, untilMs: 2_300 });
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await page.goto(`/${nine.hash}`);
    await expectTime(page, 2_300);
    await expect(page.getByTestId('trace-hash')).toHaveText(nine.traceHash);
    await expect(page.locator('[data-testid^="raft-role-"]', { hasText: /^leader$/ })).toHaveCount(1);
    await expect(page.locator('[data-testid^="raft-matrix-row-"]')).toHaveCount(9);
    await settle(page);
    await page.screenshot({ path: screenshotPath('raft-nine-nodes.png') });
  });
});
