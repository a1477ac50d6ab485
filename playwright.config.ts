import { defineConfig } from '@playwright/test';

// The browser is found (or installed) by scripts/find-browser.mjs, which `npm test` and
// `npm run test:e2e` run first; it passes the path in CHROMIUM_PATH.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// E2E_DIST: test another build folder (several builds can be tested side by side on different ports).
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1, // 2-core machines: Monaco and its workers are CPU heavy
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    // The build registers an offline service worker; only e2e/offline.spec.ts lets it run, so the other
    // specs do not each precache the whole site.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    // Tests run against the production build (npm run build first).
    command: `npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
