// The embed on someone else's page: a plain HTML blog post on another origin (http://blog.test) that
// shows the journey twice, as the <pod-journey> element (which loads the preset's own player page,
// embed-<id>.html) and as a plain iframe of embed.html.
import { test, expect, type Page } from '@playwright/test';
import { expectNoViolations } from './fixtures';

const BLOG = 'http://blog.test';
const SCENARIO = 'happy-path';

type Detail = { source: string; type: string; steps?: number; step?: number; title?: string; outcome?: string };

/** The post: the element first (in view, so its lazy iframe loads), the iframe below, a listener for the events. */
const post = (site: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>A post about Pods</title></head>
  <body style="margin:0;width:100%">
    <h1>What happens when you create a Pod</h1>
    <pod-journey id="element" scenario="${SCENARIO}"></pod-journey>
    <iframe id="frame" title="Pod Journey: ${SCENARIO}" src="${site}/embed.html#/scenario/${SCENARIO}"
      style="display:block;width:100%;height:560px;border:0"></iframe>
    <script type="module" src="${site}/pod-journey.js"></script>
    <script>
      window.received = [];
      for (const type of ['ready', 'step', 'finished'])
        document.addEventListener('pod-journey:' + type, (e) => window.received.push(e.detail));
    </script>
  </body>
</html>`;

/** Serves the post on the blog's origin; pod-journey.js gets the CORS header a module script needs. */
async function openPost(page: Page, baseURL: string) {
  await page.route(`${BLOG}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: post(baseURL) }),
  );
  await page.route(`${baseURL}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  await page.goto(`${BLOG}/post.html`);
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Detail[] }).received);
const ofType = async (page: Page, type: string) => (await received(page)).filter((d) => d.type === type);
const element = (page: Page) => page.frameLocator('pod-journey iframe');
const iframe = (page: Page) => page.frameLocator('#frame');

/** Requests that would mean the editor or the simulator was loaded. */
const HEAVY = /monaco|editor\.api|engine/i;

test.describe('the embed on a blog post', () => {
  // The test's blog is on the public internet as far as Chromium knows, and the player on this machine's
  // loopback address: Chromium asks before a public page may frame a local one (Local Network Access).
  test.use({ viewport: { width: 900, height: 1400 }, permissions: ['local-network-access'] });

  test('both forms render the stage; events, commands and sizing work; no Monaco, no engine', async ({
    page,
    baseURL,
  }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await openPost(page, baseURL!);

    for (const player of [element(page), iframe(page)]) {
      await expect(player.getByTestId('stage')).toBeVisible();
      await expect(player.getByTestId('step-counter')).toHaveText(/^Step 1 of \d+$/);
      await expect(player.getByRole('link', { name: /^Edit in Pod Journey/ })).toHaveAttribute(
        'href',
        `./index.html#/scenario/${SCENARIO}`,
      );
    }
    await expect(page.locator('pod-journey iframe')).toHaveAttribute('title', `Pod Journey: ${SCENARIO}`);
    // The element shows the preset's own player page, whose first screen was in its HTML and was adopted.
    await expect(page.locator('pod-journey iframe')).toHaveAttribute(
      'src',
      new RegExp(`/embed-${SCENARIO}\\.html\\?origin=[^#]+#/scenario/${SCENARIO}$`),
    );
    await expect(element(page).locator(`#root[data-prerendered="${SCENARIO}"][data-live]`)).toBeAttached();
    await expect(page.locator('pod-journey iframe')).toHaveAttribute('loading', 'lazy');

    // ready, then the first step.
    await expect.poll(() => ofType(page, 'ready')).toHaveLength(1);
    const [ready] = await ofType(page, 'ready');
    expect(ready).toMatchObject({ source: 'pod-journey', type: 'ready', scenario: SCENARIO });
    const steps = ready!.steps!;
    expect(steps).toBeGreaterThan(10);
    expect((await ofType(page, 'step'))[0]).toMatchObject({ type: 'step', index: 0, step: 1 });

    // play() moves the playhead: step events follow, in order.
    await page.evaluate(() => (document.getElementById('element') as unknown as { play(): void }).play());
    await expect.poll(async () => (await ofType(page, 'step')).length, { timeout: 10_000 }).toBeGreaterThan(2);
    await page.evaluate(() => (document.getElementById('element') as unknown as { pause(): void }).pause());
    const moved = await ofType(page, 'step');
    expect(moved.map((d) => d.step)).toEqual(moved.map((_, i) => i + 1));
    expect(moved[1]!.title).toEqual(expect.any(String));

    // goto(last) + play: the end, with the journey's outcome.
    await page.evaluate((n) => {
      const el = document.getElementById('element') as unknown as { goto(step: number): void; play(): void };
      el.goto(n);
      el.play();
    }, steps);
    await expect
      .poll(() => ofType(page, 'finished'), { timeout: 10_000 })
      .toEqual([{ source: 'pod-journey', type: 'finished', outcome: 'running' }]);
    await expect(element(page).getByTestId('step-counter')).toHaveText(`Step ${steps} of ${steps}`);

    // Commands: a sibling window's goto is ignored, the parent's is followed.
    await page.evaluate(() => {
      const foreign = document.createElement('iframe');
      foreign.id = 'foreign';
      document.body.append(foreign);
      // Posted by the sibling's own script, so the message's source is the sibling window.
      const script = foreign.contentDocument!.createElement('script');
      script.textContent = `parent.document.getElementById('frame').contentWindow.postMessage({ type: 'goto', step: 5 }, '*');`;
      foreign.contentDocument!.body.append(script);
    });
    await page.waitForTimeout(500);
    await expect(iframe(page).getByTestId('step-counter')).toHaveText(/^Step 1 of /);
    for (const bad of [{ type: 'goto', step: 2.5 }, { type: 'goto', step: '4' }, { type: 'seek', step: 4 }, 'goto'])
      await page.evaluate(
        (m) => (document.getElementById('frame') as HTMLIFrameElement).contentWindow!.postMessage(m, '*'),
        bad,
      );
    await page.waitForTimeout(300);
    await expect(iframe(page).getByTestId('step-counter')).toHaveText(/^Step 1 of /);
    await page.evaluate(() =>
      (document.getElementById('frame') as HTMLIFrameElement).contentWindow!.postMessage(
        { type: 'goto', step: 5 },
        '*',
      ),
    );
    await expect(iframe(page).getByTestId('step-counter')).toHaveText(`Step 5 of ${steps}`);
    await page.evaluate(() =>
      (document.getElementById('frame') as HTMLIFrameElement).contentWindow!.postMessage(
        { type: 'goto', step: 9999 },
        '*',
      ),
    );
    await expect(iframe(page).getByTestId('step-counter')).toHaveText(`Step ${steps} of ${steps}`);

    // The element is as tall as the player's content, at this width and at a narrower one.
    const heights = async () => ({
      element: Math.round((await page.locator('pod-journey').boundingBox())!.height),
      content: await page
        .frame({ url: /embed(-[a-z0-9-]+)?\.html.*origin=/ })!
        .evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)),
    });
    await expect.poll(async () => ((h) => h.element - h.content)(await heights())).toBe(0);
    const wide = (await heights()).element;
    expect(wide).not.toBe(520); // not the default height any more
    await page.setViewportSize({ width: 420, height: 1400 });
    await expect.poll(async () => ((h) => h.element - h.content)(await heights())).toBe(0);
    expect((await heights()).element).not.toBe(wide);

    expect(requests.filter((u) => HEAVY.test(u))).toEqual([]);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`embed.html, ${theme} theme`, () => {
    test.use({ viewport: { width: 700, height: 520 }, colorScheme: theme });

    test('axe finds nothing; the stage and narration show without Monaco or the engine', async ({ page }) => {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`./embed.html#/scenario/${SCENARIO}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByTestId('step-counter')).toHaveText(/^Step 1 of \d+$/);
      await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
      await page.getByRole('button', { name: 'Next step' }).click();
      await page.getByRole('button', { name: 'Next step' }).click();
      await expect(page.getByTestId('step-counter')).toHaveText(/^Step 3 of \d+$/);
      await expectNoViolations(page, `embed.html, ${theme}`);
      expect(requests.filter((u) => HEAVY.test(u))).toEqual([]);
    });
  });
}

test('?theme= overrides the system preference', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`./embed.html?theme=dark#/scenario/${SCENARIO}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 1 of \d+$/);
});
