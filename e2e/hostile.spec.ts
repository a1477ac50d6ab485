import { test, expect, type JourneyPage } from './fixtures';
import type { Page } from '@playwright/test';

// Hostile input in the browser: markup in every text the page shows must stay text, and a paste
// past the simulator's bound must be explained, not freeze the tab.

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';

/** Markup in the pod name, a label, annotations and the image (name and label make the API refuse it). */
const EVERYWHERE = `apiVersion: v1
kind: Pod
metadata:
  name: '${IMG}'
  labels:
    app: '${SCRIPT}'
  annotations:
    note: '${IMG}'
    script: '${SCRIPT}'
spec:
  containers:
  - name: web
    image: '${IMG}'
`;

/** Markup only where the API accepts it: the pod is stored and the kubelet reports the image. */
const ACCEPTED = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    note: '${IMG}'
    script: '${SCRIPT}'
spec:
  containers:
  - name: web
    image: '${IMG}'
`;

async function expectNoInjection(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByTestId('stage')).toBeVisible();
  await expect(page.locator('.editor-problems')).toBeVisible();
}

/** Steps walked one by one: through kubectl, kube-apiserver, the scheduler and the kubelet's first pull. */
const WALKED_STEPS = 40;

/**
 * Applies the editor's manifest and walks the journey step by step (the kubelet's back-off loop is
 * then jumped over to the end), then opens every inspector tab.
 */
async function walkEverything(journey: JourneyPage, page: Page) {
  await journey.button('Apply').click();
  await journey.button('Jump to start').click();
  const { of } = await journey.stepNumber();
  for (let i = 1; i < Math.min(of, WALKED_STEPS); i++) await journey.button('Next step').click();
  await expectNoInjection(page);
  await journey.button('Jump to end').click();
  await expect.poll(async () => (await journey.stepNumber()).at).toBe(of);
  for (const name of ['Narration', 'Object', 'Request', 'Scheduler', 'Terminal']) {
    await journey.tab(name).click();
    await expect(journey.tabPanel).toBeVisible();
    await expectNoInjection(page);
  }
  await expect(journey.resultBanner).toBeVisible();
}

test.describe('hostile input', () => {
  test('markup in the name, labels, annotations and image is shown as text', async ({ journey, page }) => {
    test.setTimeout(90_000);
    await journey.open();
    await journey.setManifest(EVERYWHERE);
    await walkEverything(journey, page);
    await expect(journey.resultBanner).toContainText('Rejected');
    await journey.tab('Terminal').click();
    // the API's refusal quotes the markup, and the page prints it as characters
    await expect(journey.tabPanel).toContainText(`The Pod "${IMG.replaceAll('"', '\\"')}" is invalid`);
    await expectNoInjection(page);
  });

  test('markup the API accepts travels to the kubelet and stays text', async ({ journey, page }) => {
    test.setTimeout(90_000);
    await journey.open();
    await journey.setManifest(ACCEPTED);
    await walkEverything(journey, page);
    await journey.tab('Object').click();
    await expect(journey.tabPanel).toContainText(SCRIPT);
    await journey.tab('Terminal').click();
    await expect(journey.tabPanel).toContainText('InvalidImageName');
    await expectNoInjection(page);
  });

  test('a paste over 1 MiB is refused with the bound explained, and the page stays usable', async ({
    journey,
    page,
  }) => {
    test.setTimeout(60_000);
    await journey.open();
    const huge = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    blob: ${'x'.repeat(1_200_000)}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n`;
    await journey.setManifest(huge);
    await expect(page.locator('.editor-problems')).toContainText('this simulator reads at most 1048576 bytes (1 MiB)');
    await journey.button('Apply').click();
    await journey.button('Jump to end').click();
    await journey.tab('Narration').click();
    await expect(journey.tabPanel).toContainText('Line 6 crosses the limit.');
    await expectNoInjection(page);
  });
});
