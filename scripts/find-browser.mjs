// Finds a Chromium for the Playwright suite, in this order:
//   1. $CHROMIUM_PATH, if it points at an executable;
//   2. Playwright's own Chromium, if `npx playwright install chromium` was ever run here;
//   3. a system Chromium or Chrome (/usr/bin/chromium, chromium-browser, google-chrome);
//   4. when running as root on Debian/Ubuntu: `apt-get install -y chromium`, then /usr/bin/chromium.
// Otherwise it says exactly what to do and exits 1. Prints the path on stdout.
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';

const isExecutable = (p) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

async function playwrightOwn() {
  try {
    const { chromium } = await import('@playwright/test');
    const p = chromium.executablePath();
    return p && isExecutable(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export async function findBrowser({ install = true } = {}) {
  const env = process.env.CHROMIUM_PATH;
  if (env && isExecutable(env)) return env;
  const own = await playwrightOwn();
  if (own) return own;
  const sys = SYSTEM.find(isExecutable);
  if (sys) return sys;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && root && isExecutable('/usr/bin/apt-get')) {
    console.error("No Chromium found: installing Debian's chromium with apt-get (about a minute)…");
    const opts = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    execFileSync('apt-get', ['update', '-qq'], opts);
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation'], opts);
    if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  return undefined;
}

const HELP = `No Chromium found for the browser tests. Do one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium        (then run the tests again)
  - any OS:         npx playwright install chromium          (downloads Playwright's own build)
  - or point CHROMIUM_PATH at a Chromium/Chrome executable:  CHROMIUM_PATH=/path/to/chrome npm test`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = await findBrowser();
  if (!p) {
    console.error(HELP);
    process.exit(1);
  }
  console.log(p);
}

export { HELP };
