#!/usr/bin/env node
/**
 * Finds a Chromium for the browser tests.
 *
 * As a module: `findChrome()` returns the first executable among `CHROME_PATH` and the usual
 * Debian/Ubuntu/Google locations, or `undefined`. It never installs anything.
 *
 * As a script (`node test/browser/ensure-chrome.mjs`): prints the path it found; if none, and we
 * are root with `apt-get` available, installs Debian's `chromium` package (printing each command)
 * and prints the new path; otherwise exits 1 with the command to run.
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Locations tried after `CHROME_PATH`, in order. */
export const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Debian command that installs a Chromium. */
export const INSTALL_COMMANDS = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the path of a usable Chromium, or `undefined` when none is installed.
 * `CHROME_PATH`, when set, wins; if it is set but not executable, it is skipped with a warning.
 */
export function findChrome(env = process.env) {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.warn(`ensure-chrome: CHROME_PATH=${fromEnv} is not an executable; trying the usual paths`);
  }
  return CHROME_CANDIDATES.find(isExecutable);
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** Installs Chromium with apt-get; returns false when this machine cannot do that unattended. */
function installChromium() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasAptGet()) return false;
  for (const argv of INSTALL_COMMANDS) {
    console.log(`ensure-chrome: running: ${argv.join(' ')}`);
    const result = spawnSync(argv[0], argv.slice(1), {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`ensure-chrome: \`${argv.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
      return false;
    }
  }
  return true;
}

function main() {
  let path = findChrome();
  if (!path) {
    console.log('ensure-chrome: no Chromium found in CHROME_PATH or ' + CHROME_CANDIDATES.join(', '));
    if (installChromium()) path = findChrome();
  }
  if (!path) {
    const cmd = INSTALL_COMMANDS.map((argv) => 'sudo ' + argv.join(' ')).join(' && ');
    console.error('ensure-chrome: no Chromium available. Install one, e.g.:');
    console.error(`  ${cmd}`);
    console.error('or set CHROME_PATH to a Chrome/Chromium executable.');
    process.exit(1);
  }
  console.log(`ensure-chrome: using ${path}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
