import { expect, test, type Page } from '@playwright/test';
import lzString from 'lz-string';
import { exampleDocument, oracle, watchForInjection } from './support';

const HOSTILE_TEXT = '<img src=x onerror="window.__injected=1;alert(1)">';

function compressed(document: unknown): string {
  return `#s=${lzString.compressToEncodedURIComponent(JSON.stringify(document))}`;
}

const cases: Array<{ name: string; hash: () => string; field: string; problem: RegExp }> = [
  { name: 'data that is not compressed', hash: () => '#s=garbage', field: 's', problem: /not a compressed scenario/ },
  { name: 'a valid compression of an invalid field', hash: () => compressed({ ...exampleDocument('ping-basic'), nodes: 'three' }), field: 'nodes', problem: /expected number/ },
  { name: 'a path instead of an example name', hash: () => '#scenario=../../etc/passwd', field: 'scenario', problem: /not an example name/ },
  { name: 'an example that does not exist', hash: () => '#scenario=no-such-example', field: 'scenario', problem: /no example named 'no-such-example'/ },
  { name: 'markup in an invalid field', hash: () => compressed({ ...exampleDocument('ping-basic'), module: HOSTILE_TEXT }), field: 'module', problem: /<img src=x onerror=/ },
  { name: 'a schedule entry naming an unknown node', hash: () => compressed({ ...exampleDocument('ping-basic'), schedule: [{ at: 10, type: 'crash', node: 'n99' }] }), field: 'schedule[0].node', problem: /unknown node 'n99'/ },
];

async function expectNothingInjected(page: Page, seen: { dialogs: string[]; pageErrors: string[] }): Promise<void> {
  expect(seen.dialogs).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  await expect(page.locator('img')).toHaveCount(0);
}

async function expectUsableAfterOpeningDefault(page: Page): Promise<void> {
  await page.getByTestId('open-default').click();
  await expect(page.getByTestId('problem-panel')).toHaveCount(0);
  await expect(page.getByTestId('node-n1')).toBeVisible();
  await expect(page.getByTestId('shell')).toHaveAttribute('data-run-status', 'ready');
  await expect.poll(async () => Number(await page.getByTestId('virtual-time').getAttribute('data-time-ms'))).toBeGreaterThan(0);
}

for (const badCase of cases) {
  test(`a URL with ${badCase.name} shows the problem, injects nothing, and the default still opens`, async ({ page }) => {
    const seen = watchForInjection(page);
    await page.goto(`/${badCase.hash()}`);
    const panel = page.getByTestId('problem-panel');
    await expect(panel).toBeVisible();
    const problem = panel.getByTestId('problem').first();
    await expect(problem.locator('code')).toHaveText(badCase.field);
    await expect(problem).toContainText(badCase.problem);
    await expectNothingInjected(page, seen);
    await expectUsableAfterOpeningDefault(page);
  });
}

test('markup in a valid scenario title is shown as text, never run', async ({ page }) => {
  const seen = watchForInjection(page);
  await page.goto(`/${oracle({ example: 'ping-basic', patch: { title: HOSTILE_TEXT }, untilMs: 100 }).hash}`);
  await expect(page.getByTestId('scenario-title')).toHaveText(HOSTILE_TEXT);
  await expectNothingInjected(page, seen);
});
