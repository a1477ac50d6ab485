// The app's first screen is prerendered into index.html at build time (scripts/prerenderPlugin.ts): it
// is drawn from the HTML and stylesheets alone, the app's scripts are requested after that paint, and
// React adopts the HTML instead of drawing the page again. Where the address or saved state opens
// another screen, the prerendered one is never shown (public/first-screen.js).
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** The page without its module scripts: what a slow network shows before they arrive. */
async function withoutScripts(page: Page) {
  await page.route(/\/assets\/[^/]+\.js$/, (route) => route.abort());
}

/** Counts, from before the page loads, how often the page's outermost element (`.app`, `.embed`) is removed. */
async function countRemovals(page: Page, outermost = 'app') {
  await page.addInitScript((cls) => {
    const w = window as unknown as { removedScreens: number };
    w.removedScreens = 0;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.removedNodes) if (n instanceof HTMLElement && n.classList.contains(cls)) w.removedScreens++;
    }).observe(document, { childList: true, subtree: true });
  }, outermost);
  return () => page.evaluate(() => (window as unknown as { removedScreens: number }).removedScreens);
}

test.describe('the prerendered first screen', () => {
  test('is the journey at its first step before any script has run', async ({ journey, page }) => {
    await withoutScripts(page);
    await page.goto('./');
    await expect(journey.stepCounter).toHaveText(/Step 1\s*\/\s*60/);
    await expect(journey.tabPanel).toContainText('kubectl reads pod.yaml and converts its document from YAML to JSON.');
    await expect(page.getByRole('button', { name: /^Scenario/ })).toContainText('Happy path');
    await expect(page.locator('#root')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('is drawn in the saved theme', async ({ journey, page }) => {
    await withoutScripts(page);
    await page.addInitScript(() => localStorage.setItem('pod-journey.theme.v1', 'dark'));
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(journey.stepCounter).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
  });

  test('is adopted: never drawn again, no errors, and the page answers input', async ({ journey, page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const removals = await countRemovals(page);
    await journey.open();
    await journey.button('Next step').click();
    await expect(journey.stepCounter).toHaveText(/Step 2\s*\/\s*60/);
    await expect(journey.podCard).toBeVisible();
    expect(await removals()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('clicks before the app has adopted it are replayed once it has, each once', async ({ journey, page }) => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto('./');
    await expect(journey.stepCounter).toHaveText(/Step 1\s*\/\s*60/);
    await expect(journey.button('Next step')).toHaveCSS('cursor', 'progress');
    await journey.button('Next step').click();
    await journey.button('Next step').click();
    await expect(page.locator('#root[data-live]')).not.toBeAttached();
    await expect(journey.stepCounter).toHaveText(/Step 1\s*\/\s*60/);
    release();
    await expect(page.locator('#root[data-live]')).toBeAttached();
    await expect(journey.stepCounter).toHaveText(/Step 3\s*\/\s*60/);
    await page.waitForTimeout(500);
    await expect(journey.stepCounter).toHaveText(/Step 3\s*\/\s*60/);
    await expect(journey.button('Next step')).not.toHaveCSS('cursor', 'progress');
  });

  test("the app's scripts are requested only after the first contentful paint", async ({ journey, page }) => {
    await journey.open();
    const timing = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => /\/assets\/[^/]+\.js$/.test(r.name))
        .map((r) => r.startTime);
      return { paint, firstScript: Math.min(...scripts), scripts: scripts.length };
    });
    expect(timing.scripts).toBeGreaterThan(0);
    expect(timing.firstScript).toBeGreaterThanOrEqual(timing.paint);
  });

  const elsewhere: [what: string, address: string, selector: string, text: RegExp][] = [
    ['another scenario', './#/scenario/forbidden', '.scenario-picker-title', /No permission \(403\)/],
    ['a later step', './#/scenario/happy-path/step/5', '[data-testid="step-counter"]', /Step 5\s*\/\s*60/],
    ['present mode', './?present', '[data-testid="present-step-title"]', /\S/],
  ];
  for (const [what, address, selector, text] of elsewhere)
    test(`is never shown when the address opens ${what}`, async ({ page }) => {
      const removals = await countRemovals(page);
      await withoutScripts(page);
      await page.goto(address);
      await expect(page.locator('html')).not.toHaveAttribute('data-first-screen');
      await expect(page.locator('#root')).toBeHidden();
      // With its scripts, the page replaces that screen with its own, once.
      await page.unroute(/\/assets\/[^/]+\.js$/);
      await page.reload();
      await expect(page.locator('#root[data-live]')).toBeAttached();
      await expect(page.locator(selector)).toHaveText(text);
      expect(await removals()).toBe(1);
    });

  test('an address naming another preset fetches its run once, requested with the scripts', async ({ page }) => {
    await page.goto('./#/scenario/forbidden/step/4');
    await expect(page.locator('#root[data-live]')).toBeAttached();
    await expect(page.getByTestId('step-counter')).toHaveText(/Step 4\s*\//);
    const requests = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((r) => /\/runs\/[^/]+\.json$/.test(r.name))
        .map((r) => ({
          name: r.name.replace(/.*\/runs\//, ''),
          initiator: (r as PerformanceResourceTiming).initiatorType,
        })),
    );
    expect(requests).toEqual([{ name: expect.stringMatching(/^forbidden-[0-9a-f]{10}\.json$/), initiator: 'link' }]);
  });

  test('is never shown when there are saved drafts to restore', async ({ page }) => {
    await withoutScripts(page);
    await page.addInitScript(() => localStorage.setItem('pod-journey.drafts', '{"version":1,"drafts":{}}'));
    await page.goto('./');
    await expect(page.locator('#root')).toBeHidden();
  });
});

test.describe("the embeddable player's prerendered first screen", () => {
  const counter = (page: Page) => page.getByTestId('step-counter');
  const next = (page: Page) => page.getByRole('button', { name: 'Next step' });

  test('is the journey at its first step before any script has run, in the theme the address asks for', async ({
    page,
  }) => {
    await withoutScripts(page);
    await page.goto('./embed.html?theme=dark');
    await expect(counter(page)).toHaveText('Step 1 of 60');
    await expect(page.getByRole('heading', { name: 'Read pod.yaml: 1 object' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('is adopted: never drawn again, no errors, and the player answers input', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const removals = await countRemovals(page, 'embed');
    await page.goto('./embed.html');
    await expect(page.locator('#root[data-live]')).toBeAttached();
    await next(page).click();
    await expect(counter(page)).toHaveText('Step 2 of 60');
    await expect(page.getByRole('link', { name: /Edit in Pod Journey/ })).toHaveAttribute(
      'href',
      /^\.\/index\.html#\/scenario\/happy-path\/step\/2$/,
    );
    expect(await removals()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('with ?autoplay=1: adopted, then it plays', async ({ page }) => {
    const removals = await countRemovals(page, 'embed');
    await page.goto('./embed.html?autoplay=1');
    await expect(page.locator('#root[data-live]')).toBeAttached();
    await expect(counter(page)).not.toHaveText('Step 1 of 60');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    expect(await removals()).toBe(0);
  });

  test('clicks before the player has adopted it are replayed once it has', async ({ page }) => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/embed-[^/]+\.js$/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto('./embed.html');
    await expect(counter(page)).toHaveText('Step 1 of 60');
    await next(page).click();
    await next(page).click();
    await expect(counter(page)).toHaveText('Step 1 of 60');
    release();
    await expect(page.locator('#root[data-live]')).toBeAttached();
    await expect(counter(page)).toHaveText('Step 3 of 60');
  });

  test("a preset's own page (embed-<id>.html) has that preset's first screen, and adopts it", async ({ page }) => {
    await withoutScripts(page);
    await page.goto('./embed-forbidden.html');
    await expect(counter(page)).toHaveText('Step 1 of 5');
    await expect(page).toHaveTitle('Pod Journey — No permission (403)');
    await page.unroute(/\/assets\/[^/]+\.js$/);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const removals = await countRemovals(page, 'embed');
    await page.reload();
    await expect(page.locator('#root[data-prerendered="forbidden"][data-live]')).toBeAttached();
    await expect(page).toHaveURL(/\/embed-forbidden\.html#\/scenario\/forbidden$/);
    await next(page).click();
    await expect(counter(page)).toHaveText('Step 2 of 5');
    expect(await removals()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("a preset's own page at a later step renders that step", async ({ page }) => {
    await page.goto('./embed-forbidden.html#/scenario/forbidden/step/3');
    await expect(page.locator('#root[data-live]')).toBeAttached();
    await expect(counter(page)).toHaveText('Step 3 of 5');
  });

  test('is never shown when the address names another scenario', async ({ page }) => {
    const removals = await countRemovals(page, 'embed');
    await withoutScripts(page);
    await page.goto('./embed.html#/scenario/forbidden');
    await expect(page.locator('html')).not.toHaveAttribute('data-first-screen');
    await expect(page.locator('#root')).toBeHidden();
    await page.unroute(/\/assets\/[^/]+\.js$/);
    await page.reload();
    await expect(page.locator('#root[data-live]')).toBeAttached();
    await expect(counter(page)).toHaveText(/^Step 1 of \d+$/);
    await expect(counter(page)).not.toHaveText('Step 1 of 60');
    expect(await removals()).toBe(1);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the first step is shown, under a line that says the rest needs JavaScript', async ({ journey, page }) => {
    await page.goto('./');
    // (Text locators skip <noscript>, where the line is.)
    await expect(page.locator('.noscript')).toBeVisible();
    await expect(page.locator('.noscript')).toContainText('needs JavaScript: below is its first step only.');
    await expect(journey.stepCounter).toHaveText(/Step 1\s*\/\s*60/);
    await expect(journey.button('Next step')).not.toHaveCSS('cursor', 'progress');
  });

  test("the player's first step is shown, under the same line", async ({ page }) => {
    await page.goto('./embed.html');
    await expect(page.locator('.noscript')).toContainText('needs JavaScript: below is its first step only.');
    await expect(page.getByTestId('step-counter')).toHaveText('Step 1 of 60');
  });
});
