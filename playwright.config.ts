/**
 * End-to-end tests in a real Chromium. The app is built in e2e mode (the same app, plus the
 * watchdog test hooks) and served by `vite preview` on a fixed local port. The browser is
 * whatever scripts/ensure-browser.mjs finds (npm run test:e2e runs it first, installing one
 * if needed).
 */
import { defineConfig, devices } from '@playwright/test';
import { INSTALL_HELP, findChromium } from './scripts/ensure-browser.mjs';

// Each run builds and serves its own copy on its own port, so two runs at once (two
// terminals, or CI beside a developer) never test each other's build. The runner picks
// the port once and passes it to its workers through the environment.
process.env.FAULTLINE_E2E_PORT ??= String(4400 + (process.pid % 1000));
const PORT = Number(process.env.FAULTLINE_E2E_PORT);
const BUILD_DIRECTORY = `node_modules/.cache/faultline-e2e-${PORT}`;

const executablePath = findChromium();
if (executablePath === null) throw new Error(INSTALL_HELP);

export default defineConfig({
  testDir: 'e2e',
  globalTeardown: './e2e/teardown.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two cores shared with the engine's tests: one worker keeps timings steady.
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          executablePath,
          // Without the networking flags Chromium stalls on a closed network (update and sync checks).
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite build --mode e2e --outDir ${BUILD_DIRECTORY} --emptyOutDir --logLevel warn && npx vite preview --mode e2e --outDir ${BUILD_DIRECTORY} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
