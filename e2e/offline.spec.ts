// No request ever leaves the site, the whole app runs under its Content-Security-Policy, and after one
// visit it works with no network at all.
import { deflateSync, strToU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Every Content-Security-Policy violation the page reports from now on (the list fills as it runs). */
async function cspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

test.describe('offline and locked down', () => {
  test('no request goes to another host while the app is used', async ({ journey, page }) => {
    const blocked: string[] = [];
    await page.route(/^(?!https?:\/\/127\.0\.0\.1(:\d+)?\/)(https?|wss?):/, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    await journey.open();
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Running');
    await journey.hoverInEditor('image:');
    await journey.pickScenario('CrashLoopBackOff');
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /^Multi-container pod/ }).click();
    await journey.button('Apply').click();
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Running');
    expect(blocked).toEqual([]);
    expect(journey.foreignRequests()).toEqual([]);
  });

  test('the app, Monaco and its workers run under the Content-Security-Policy', async ({ journey, page }) => {
    const violations = await cspViolations(page);
    await journey.open();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    // Playing animates the stage (framer-motion writes style attributes), then the end.
    await journey.button('Play').click();
    await expect.poll(async () => (await journey.stepNumber()).at, { timeout: 20_000 }).toBeGreaterThan(3);
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Running');
    // Monaco, its editor worker (markers, formatting) and the YAML worker (hover, completion).
    await journey.expectHover('image:', 'kubelet: image pull');
    await page.keyboard.press('Escape');
    await journey.replaceInEditor('    image:', '    imagee:');
    await expect(page.locator('.editor-problems')).toContainText('strict decoding');
    expect(violations).toEqual([]);
  });

  test('the embed plays under the same Content-Security-Policy, and a link to an edited scenario loads the engine', async ({
    page,
  }) => {
    const violations = await cspViolations(page);
    await page.goto('./embed.html?autoplay=1#/scenario/insufficient-cpu');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    await expect
      .poll(async () => page.getByTestId('step-counter').textContent(), { timeout: 20_000 })
      .toMatch(/^Step ([4-9]|\d\d+) of /);
    // An edited scenario (here: another seed) has no recording: the embed loads the preset texts, the
    // link codec and the simulator (XState, the YAML parser), under the policy too.
    const payload = Buffer.from(deflateSync(strToU8(JSON.stringify({ v: 1, base: 'happy-path', seed: 7 })))).toString(
      'base64url',
    );
    const engine = page.waitForRequest((r) => /\/assets\/engine-[^/]+\.js$/.test(r.url()));
    await page.goto(`./embed.html#/s/${payload}/step/3`);
    await engine;
    await expect(page.getByTestId('step-counter')).toHaveText(/^Step 3 of /);
    expect(violations).toEqual([]);
  });

  test.describe('with the service worker', () => {
    test.use({ serviceWorkers: 'allow' });

    test('a second visit works with no network', async ({ journey, page, context }) => {
      await journey.open();
      // The worker is registered when the page is idle and stores every file of the build.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await context.setOffline(true);
      await page.reload();
      await expect(page.locator('#root[data-live]')).toBeAttached();
      await expect(journey.stepCounter).toContainText('Step 1');
      await journey.button('Jump to end').click();
      await expect(journey.resultBanner).toContainText('Running');
      await journey.expectHover('image:', 'kubelet: image pull');
      await journey.pickScenario('Not enough CPU');
      await journey.button('Jump to end').click();
      await expect(journey.resultBanner).toContainText('Pending');
    });
  });
});
