#!/usr/bin/env node
/**
 * Finds a Chromium for the end-to-end tests, installing one if this machine has none.
 * Order: $FAULTLINE_CHROMIUM, a Playwright-managed Chromium, the system's Chromium, and
 * finally Debian's package through apt-get (only when running as root). Without any, it
 * fails with instructions. playwright.config.ts calls findChromium() (which never
 * installs) to pick the same executable.
 *
 *   node scripts/ensure-browser.mjs    prints the path, installing if needed
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const INSTALL_HELP = [
  'No Chromium found for the end-to-end tests. Install one of:',
  '  npx playwright install chromium          (a Playwright-managed Chromium)',
  '  sudo apt-get install -y chromium         (Debian or Ubuntu)',
  'or point FAULTLINE_CHROMIUM at a Chromium or Chrome executable.',
].join('\n');

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightManagedChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && isExecutable(path) ? path : null;
  } catch {
    return null;
  }
}

/** The Chromium to use, or null. Never installs anything. */
export function findChromium() {
  const fromEnvironment = process.env.FAULTLINE_CHROMIUM;
  if (fromEnvironment) return isExecutable(fromEnvironment) ? fromEnvironment : null;
  return playwrightManagedChromium() ?? SYSTEM_CHROMIUMS.find(isExecutable) ?? null;
}

function installWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !isExecutable('/usr/bin/apt-get')) return false;
  console.error('ensure-browser: no Chromium found; installing Debian\'s chromium with apt-get');
  try {
    const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: environment });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: environment });
    return true;
  } catch (error) {
    console.error(`ensure-browser: apt-get failed: ${error.message}`);
    return false;
  }
}

export function ensureChromium() {
  const found = findChromium();
  if (found !== null) return found;
  if (process.env.FAULTLINE_CHROMIUM) throw new Error(`FAULTLINE_CHROMIUM=${process.env.FAULTLINE_CHROMIUM} is not an executable file.`);
  if (installWithApt()) {
    const installed = findChromium();
    if (installed !== null) return installed;
  }
  throw new Error(INSTALL_HELP);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
