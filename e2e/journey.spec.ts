import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';

test.describe('the default journey', () => {
  test('first paint shows the manifest without loading Monaco', async ({ journey, page }) => {
    await journey.open();
    await expect(page.getByText('Kubernetes v1.33.0')).toBeVisible();
    await expect(page.getByTestId('manifest-preview')).toContainText('sonasingh46/node-web-app:latest');
    await expect(page.locator('[data-monaco-ready]')).toHaveCount(0);
    expect(journey.requests.some((r) => /monaco|editor\.worker/i.test(r.url()))).toBe(false);
    expect((await journey.stepNumber()).of).toBeGreaterThanOrEqual(20);
  });

  test('steps forward and back through the real requests', async ({ journey }) => {
    await journey.open();
    const start = await journey.stepNumber();
    await journey.button('Next step').click();
    await expect.poll(async () => (await journey.stepNumber()).at).toBe(start.at + 1);
    // step forward until kubectl's GET is on screen, then look at it in the Request tab
    await journey.tab('Request').click();
    for (let i = 0; i < 6 && !(await journey.tabPanel.textContent())?.includes('404'); i++) {
      await journey.button('Next step').click();
    }
    await expect(journey.tabPanel).toContainText('/api/v1/namespaces/default/pods/example-pod');
    await expect(journey.tabPanel).toContainText('404');
    const here = (await journey.stepNumber()).at;
    await journey.button('Previous step').click();
    await expect.poll(async () => (await journey.stepNumber()).at).toBe(here - 1);
  });

  test('runs to the end: Running on a worker, with the events and kubectl output', async ({ journey, page }) => {
    await journey.open();
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText(/Running on worker-[12]/);
    await expect(journey.podCard).toContainText('Running');
    await expect(journey.podCard).toContainText('1/1');
    await journey.tab('Terminal').click();
    await expect(journey.tabPanel).toContainText('pod/example-pod created');
    await expect(journey.tabPanel).toContainText('ContainerCreating');
    await expect(journey.tabPanel).toContainText(/Successfully assigned default\/example-pod to worker-[12]/);
    await expect(journey.tabPanel).toContainText('Pulling image "sonasingh46/node-web-app:latest"');
    await expect(journey.tabPanel).toContainText('Created container: example-pod');
    await expect(journey.tabPanel).toContainText('Started container example-pod');
    await journey.tab('Scheduler').click();
    await expect(journey.tabPanel).toContainText(
      'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    );
    await journey.button('Jump to start').click();
    await expect.poll(async () => (await journey.stepNumber()).at).toBe(1);
    await expect(page.getByTestId('result-banner')).toHaveCount(0);
  });

  test('on a 1280×720 projector the result banner leaves the pod card and a link notice visible', async ({
    journey,
    page,
  }) => {
    const overlap = async (a: Locator, b: Locator) => {
      const [r, q] = [await a.boundingBox(), await b.boundingBox()];
      if (!r || !q) throw new Error('not on screen');
      return r.x < q.x + q.width && q.x < r.x + r.width && r.y < q.y + q.height && q.y < r.y + r.height;
    };
    await page.setViewportSize({ width: 1280, height: 720 });
    // The scheduler's box sits in the lower half of the stage's visible part once the stage has
    // scrolled to the pod: the banner goes to the top.
    await journey.open('?autoplay=0#/scenario/insufficient-cpu');
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Pending');
    await expect(journey.podCard).toContainText('Pending');
    await expect.poll(() => overlap(journey.resultBanner, journey.podCard)).toBe(false);
    // A link that could not be opened: its notice stays readable above the banner.
    await journey.open('?autoplay=0#/scenario/no-such-scenario');
    await journey.button('Jump to end').click();
    const notice = page.getByText('This link could not be opened');
    await expect(notice).toBeVisible();
    await expect.poll(() => overlap(journey.resultBanner, notice)).toBe(false);
    await expect.poll(() => overlap(journey.resultBanner, journey.podCard)).toBe(false);
  });

  test('plays by itself', async ({ journey }) => {
    await journey.open();
    await journey.button('Play').click();
    await expect.poll(async () => (await journey.stepNumber()).at, { timeout: 10_000 }).toBeGreaterThan(2);
    await journey.button('Pause').click();
  });
});

test.describe('editing the manifest', () => {
  test('a renamed pod travels under its new name', async ({ journey, page }) => {
    await journey.open();
    await journey.replaceInEditor('name: example-pod', 'name: my-pod');
    await journey.button('Apply').click();
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('pod/my-pod');
    await journey.tab('Terminal').click();
    await expect(journey.tabPanel).toContainText('pod/my-pod created');
    await expect(page.locator('body')).not.toContainText('pod/example-pod created');
  });

  test('Ctrl+Enter applies from the editor', async ({ journey, page }) => {
    await journey.open();
    await journey.replaceInEditor('image: sonasingh46/node-web-app:latest', 'image: nginx:1.27');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await journey.button('Jump to end').click();
    await journey.tab('Terminal').click();
    await expect(journey.tabPanel).toContainText('Pulling image "nginx:1.27"');
  });

  test('invalid YAML gets a line-anchored error and the page stays alive', async ({ journey, page }) => {
    await journey.open();
    await journey.setManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n   labels: x: y\n');
    await journey.button('Apply').click();
    await journey.button('Jump to end').click();
    await journey.tab('Terminal').click();
    await expect(journey.tabPanel).toContainText(
      'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line',
    );
    await expect(page.getByTestId('stage')).toBeVisible();
  });

  test('a value its Go type cannot hold is marked at its line and refused with a 400', async ({ journey, page }) => {
    await journey.open();
    await journey.replaceInEditor('containerPort: 8000', 'containerPort: "8000"');
    const problems = page.locator('.editor-problems');
    await expect(problems).toContainText(
      'cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    await expect(page.getByTestId('foresight')).toContainText('rejected');
    await journey.button('Apply').click();
    await journey.button('Jump to end').click();
    await journey.tab('Terminal').click();
    await expect(journey.tabPanel).toContainText(
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    await page.screenshot({ path: test.info().outputPath('decode-error.png') });
  });
});

test('the page makes no request to any other host', async ({ journey }) => {
  await journey.open();
  await journey.button('Jump to end').click();
  await journey.openEditor();
  for (const tab of ['Narration', 'Object', 'Request', 'Scheduler', 'Terminal']) await journey.tab(tab).click();
  expect(journey.foreignRequests()).toEqual([]);
});
