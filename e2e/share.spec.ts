import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';

test.describe('share and embed', () => {
  test('gives the link of the step on screen, the embed snippets and the picture', async ({ journey, page }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await journey.open('?autoplay=0#/scenario/podsecurity-restricted');
    for (let i = 0; i < 3; i++) await journey.button('Next step').click();
    await expect.poll(async () => (await journey.stepNumber()).at).toBe(4);

    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share and embed' });
    await expect(dialog).toBeVisible();

    const origin = new URL(page.url()).origin;
    const stepLink = dialog.getByRole('textbox', { name: 'Link to this step' });
    await expect(stepLink).toHaveValue(`${origin}/#/scenario/podsecurity-restricted/step/4`);
    await expect(dialog.getByRole('textbox', { name: 'Link to the scenario (from the start)' })).toHaveValue(
      `${origin}/#/scenario/podsecurity-restricted`,
    );
    await expect(dialog.getByRole('textbox', { name: 'Embed in a page (iframe)' })).toHaveValue(
      `<iframe src="${origin}/embed-podsecurity-restricted.html#/scenario/podsecurity-restricted/step/4" title="Pod Journey: PodSecurity restricted" width="100%" height="520" style="border:0" loading="lazy"></iframe>`,
    );
    await expect(dialog.getByRole('textbox', { name: 'Embed with a script (custom element)' })).toHaveValue(
      `<script type="module" src="${origin}/pod-journey.js"></script>\n<pod-journey scenario="podsecurity-restricted" step="4"></pod-journey>`,
    );

    await dialog.getByRole('button', { name: 'Copy link to this step' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Copied: link to this step.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${origin}/#/scenario/podsecurity-restricted/step/4`,
    );

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('pod-journey-podsecurity-restricted-step-4.svg');
    const text = await readFile((await svg.path())!, 'utf8');
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain('>Step 4 of ');
    expect(text).not.toMatch(/<script|href=/);

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('pod-journey-podsecurity-restricted-step-4.png');
    const bytes = await readFile((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    await dialog.getByRole('button', { name: 'Close share and embed' }).click();
    await expect(dialog).toBeHidden();
  });

  test('the address of an edited journey reopens it: the texts, the journey and the step', async ({
    journey,
    page,
  }) => {
    await journey.open('?autoplay=0#/scenario/happy-path');
    await journey.replaceInEditor('name: example-pod', 'name: shared-in-class');
    await journey.button('Apply').click();
    await expect(journey.page.getByText('shared-in-class').first()).toBeVisible();
    for (let i = 0; i < 4; i++) await journey.button('Next step').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/s\/[A-Za-z0-9_-]+\/step\/5$/);
    const link = page.url();

    const other = await page.context().newPage();
    await other.goto(link);
    await expect(other.getByTestId('step-counter')).toContainText('Step 5 /');
    await expect(other.getByTestId('manifest-preview')).toContainText('name: shared-in-class');
    await expect(other.getByText(/Opened a shared link: Happy path, edited/)).toBeVisible();
    await other.close();
  });

  test('a cut-off link says so over the stage and shows the default scenario from its start', async ({ page }) => {
    await page.goto('./?autoplay=0#/s/eJwLSS0u0c1NzUsFAA/step/3');
    await expect(page.getByTestId('stage').getByRole('status')).toHaveText(
      'This link could not be opened: its compressed data ends early (the link was probably cut off). Showing Happy path instead.',
    );
    await expect(page.getByTestId('step-counter')).toContainText('Step 1 /');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/scenario/happy-path');
  });
});

test('the build works from a sub-folder: the page, its recorded runs and a link with a step', async ({ page }) => {
  // The preview server serves the build at the root; this page sees it under /courses/k8s/.
  await page.route('**/courses/k8s/**', async (route) => {
    const url = route.request().url().replace('/courses/k8s/', '/');
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  const runs: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/runs/')) runs.push(new URL(r.url()).pathname);
  });
  await page.goto('./courses/k8s/?autoplay=0#/scenario/crashloop/step/5');
  await expect(page.getByTestId('step-counter')).toContainText('Step 5 /');
  // (The page also preloads the first preset's run, which the bare address shows.)
  expect(runs).toContainEqual(expect.stringMatching(/^\/courses\/k8s\/runs\/crashloop-[0-9a-f]{10}\.json$/));
  for (const path of runs) expect(path).toMatch(/^\/courses\/k8s\/runs\//);
  await page.goto('./courses/k8s/embed.html#/scenario/crashloop/step/5');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 5 of /);
  // the page keeps loading after its first screen (the catalog, the pod card): requests still being
  // routed when the test ends are dropped, not reported as errors
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
