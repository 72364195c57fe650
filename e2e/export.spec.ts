/**
 * Export and import: the Mermaid diagram of a time window (Mermaid fetched only when the
 * panel opens, rendered with hostile names made inert, copyable as text), the trace and the
 * client history as JSON downloads, and importing a scenario file, a trace file and a
 * broken file.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { exampleDocument, expectTime, oracle, shownTimeMs, watchForInjection, screenshotPath } from './support';

const MERMAID_CHUNK = /\/assets\/mermaid\.core-[^/]+\.js$/;

async function openExport(page: Page): Promise<void> {
  await page.getByTestId('open-export').click();
  await expect(page.getByTestId('drawer-export')).toBeVisible();
}

async function downloadJson(page: Page, testId: string): Promise<{ name: string; document: Record<string, unknown> }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), document: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> };
}

test('Mermaid is not in the initial bundle; opening Export fetches it and renders the last second as a diagram', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/#scenario=ping-basic&t=2200');
  await expectTime(page, 2_200);
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((url) => /mermaid/i.test(url))).toEqual([]);

  await openExport(page);
  await expect(page.getByTestId('diagram-from')).toHaveValue('1200');
  await expect(page.getByTestId('diagram-to')).toHaveValue('2200');
  const diagram = page.getByTestId('mermaid-diagram');
  await expect(diagram).toHaveAttribute('data-render-status', 'rendered');
  await expect(diagram.locator('svg')).toHaveCount(1);
  expect(scripts.some((url) => MERMAID_CHUNK.test(url))).toBe(true);
  // The one-way cut at 2 s falls in the window and shows as a note.
  await expect(diagram.locator('svg')).toContainText('fault: cut one way n1→n3');

  await page.screenshot({ path: screenshotPath('export-panel.png') });

  const text = await page.getByTestId('mermaid-text').inputValue();
  expect(text.startsWith('sequenceDiagram\n  participant P0 as n1\n')).toBe(true);
  await page.getByTestId('mermaid-copy').click();
  await expect(page.getByTestId('mermaid-copy-status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  // A narrower window redraws with fewer arrows; a reversed one is refused, not drawn.
  await page.getByTestId('diagram-from').fill('2100');
  await expect.poll(async () => (await page.getByTestId('mermaid-text').inputValue()).length).toBeLessThan(text.length);
  await page.getByTestId('diagram-to').fill('100');
  await expect(page.getByTestId('diagram-window-problem')).toHaveText('The window must end after it starts.');
  await context.close();
});

test('the trace and the client history download as JSON; the trace file imports back to the same run', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&t=1700');
  await expectTime(page, 1_700);
  const traceHash = (await page.getByTestId('trace-hash').textContent())!;
  await openExport(page);

  const recent = await downloadJson(page, 'export-trace');
  expect(recent.name).toBe('faultline-ping-trace-at-1700ms.json');
  expect(recent.document).toMatchObject({ format: 'faultline-trace', version: 1, atMs: 1700, traceHash, scenario: { module: 'ping', seed: 1 } });
  const events = recent.document.trace as Array<{ index: number; time: number }>;
  expect(events.length).toBeGreaterThan(50);
  expect(Math.max(...events.map((event) => event.time))).toBeLessThanOrEqual(1_700_000);

  const full = await downloadJson(page, 'export-full-trace');
  expect((full.document.trace as Array<{ index: number }>)[0]?.index).toBe(0);
  expect((full.document.trace as unknown[]).length).toBe(full.document.traceCount);

  const history = await downloadJson(page, 'export-history');
  expect(history.document).toMatchObject({ format: 'faultline-history', module: 'ping', atMs: 1700 });
  const records = history.document.history as Array<{ type: string; process: unknown }>;
  expect(records.length).toBeGreaterThan(0);
  expect(records.every((record) => ['invoke', 'ok', 'fail', 'info'].includes(record.type))).toBe(true);

  // Import the full trace in a fresh page: the embedded scenario replays to the same hash.
  await page.getByTestId('drawer-export-close').click();
  await page.goto('/#scenario=raft-basic&paused=1');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  await page.getByTestId('import-file').setInputFiles({ name: 'exported.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(full.document)) });
  await expectTime(page, 1_700);
  await expect(page.getByTestId('trace-hash')).toHaveText(traceHash);
  await expect(page.getByTestId('notice').filter({ hasText: 'reproduces its trace hash' })).toBeVisible();
});

test('an imported trace with hostile node names is drawn read-only, with every name inert', async ({ page }) => {
  const seen = watchForInjection(page);
  const hostile = ['<img src=x onerror="window.__injected=1">', 'n1\nclick P0 call alert(1)', '%%{init: {"securityLevel": "loose"}}%%'];
  const trace = hostile.flatMap((name, position) => {
    const peer = hostile[(position + 1) % hostile.length]!;
    return [
      { index: position * 2, event: position, time: 100_000 + position * 1000, kind: 'send', node: name, peer, messageId: position + 1, messageType: '<script>alert(2)</script>', detail: null },
      { index: position * 2 + 1, event: position, time: 100_500 + position * 1000, kind: 'deliver', node: peer, peer: name, messageId: position + 1, messageType: 'x', detail: null },
    ];
  });
  const file = { format: 'faultline-trace', version: 1, scenario: exampleDocument('ping-basic'), atMs: 200, traceHash: '0123456789abcdef', trace };
  await page.goto('/#scenario=ping-basic&paused=1');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  await page.getByTestId('import-file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expectTime(page, 200);
  // The file's hash is not what its scenario replays to: said plainly, not hidden.
  await expect(page.getByTestId('notice').filter({ hasText: 'has hash 0123456789abcdef' })).toBeVisible();

  await openExport(page);
  await page.getByTestId('diagram-source').selectOption('imported');
  const diagram = page.getByTestId('mermaid-diagram');
  await expect(diagram).toHaveAttribute('data-render-status', 'rendered');
  await expect(diagram.locator('svg')).toContainText('‹img src=x onerror=');
  const text = await page.getByTestId('mermaid-text').inputValue();
  // Every line is one the mapper writes; the text it carries holds no Mermaid or HTML syntax.
  const lines = text.trimEnd().split('\n').slice(1);
  expect(lines).toHaveLength(6);
  for (const line of lines) {
    const payload = /^ {2}(?:participant P\d+ as |P\d+->>P\d+: )(.*)$/.exec(line)?.[1];
    expect(payload, line).toBeDefined();
    expect(payload).not.toMatch(/[<>"%{}#;`$\\\n]/);
  }
  await expect(page.locator('img')).toHaveCount(0);
  await expect(diagram.locator('script, foreignObject a, [onerror]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
});

test('importing a scenario file opens it as a new run through the address', async ({ page }) => {
  await page.goto('/#scenario=ping-basic&paused=1');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  const document = { ...exampleDocument('ping-basic'), seed: 77, title: 'Imported ping' };
  await page.getByTestId('import-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
  await expect(page.getByTestId('scenario-title')).toHaveText('Imported ping');
  const expected = oracle({ example: 'ping-basic', patch: { seed: 77, title: 'Imported ping' }, untilMs: 0 });
  expect(new URL(page.url()).hash).toBe(expected.hash.replace(/&t=.*$/, ''));
  // A new run plays from the start, like any run opened without a time.
  await expect.poll(() => shownTimeMs(page)).toBeGreaterThan(200);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  const stoppedAt = await shownTimeMs(page);
  await expect(page.getByTestId('trace-hash')).toHaveText(oracle({ example: 'ping-basic', patch: { seed: 77, title: 'Imported ping' }, untilMs: stoppedAt }).traceHash);
});

test('a broken file dropped on the page names the field and problem, offers the default, and keeps the current run', async ({ page }) => {
  const seen = watchForInjection(page);
  await page.goto('/#scenario=ping-basic&t=800');
  await expectTime(page, 800);
  const traceHash = (await page.getByTestId('trace-hash').textContent())!;
  const broken = JSON.stringify({ ...exampleDocument('ping-basic'), nodes: 'three', title: '<img src=x onerror=alert(1)>' });
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'broken <b>.json', { type: 'application/json' }));
    return transfer;
  }, broken);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('import-drop')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByTestId('import-drop')).toHaveCount(0);

  const panel = page.getByTestId('problem-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading')).toHaveText("The file 'broken <b>.json' cannot be opened");
  const problem = panel.getByTestId('problem').first();
  await expect(problem.locator('code')).toHaveText('nodes');
  await expect(problem).toContainText(/expected number/);
  await expect(page.getByTestId('open-default')).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  expect(seen.dialogs).toEqual([]);

  // Nothing was lost: back to the run, exactly where it was.
  await page.getByRole('button', { name: 'Back to the current run' }).click();
  await expect(panel).toHaveCount(0);
  await expectTime(page, 800);
  await expect(page.getByTestId('trace-hash')).toHaveText(traceHash);

  // Not JSON at all, through the file picker: the same panel, and the default still opens.
  await page.getByTestId('import-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello {') });
  await expect(panel.getByTestId('problem').first().locator('code')).toHaveText('(json)');
  await page.getByTestId('open-default').click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
});

test('the Mermaid diagram is drawn again in the new theme when the theme changes', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/#scenario=ping-basic&t=2200');
  await expectTime(page, 2_200);
  await openExport(page);
  const diagram = page.getByTestId('mermaid-diagram');
  await expect(diagram).toHaveAttribute('data-mermaid-theme', 'default');
  const lightSvg = await diagram.innerHTML();
  // The display menu is set to follow the system; the system turns dark while the panel is open.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(diagram).toHaveAttribute('data-mermaid-theme', 'dark');
  await expect(diagram).toHaveAttribute('data-render-status', 'rendered');
  expect(await diagram.innerHTML()).not.toBe(lightSvg);
  await expect(diagram.locator('svg')).toContainText('fault: cut one way n1→n3');
});
