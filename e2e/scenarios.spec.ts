import { test, expect } from './fixtures';

test.describe('the scenario gallery', () => {
  test('PodSecurity restricted stops at admission with the exact 403', async ({ journey, page }) => {
    await journey.open();
    await journey.pickScenario('PodSecurity restricted');
    await expect(page).toHaveURL(/#\/scenario\/podsecurity-restricted$/);
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Rejected');
    await expect(journey.resultBanner).toContainText(
      'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false',
    );
    // step back from kubectl's output to the gate that said no
    await journey.tab('Narration').click();
    for (let i = 0; i < 10 && !(await journey.tabPanel.textContent())?.includes('PodSecurity'); i++)
      await journey.button('Previous step').click();
    await expect(journey.tabPanel).toContainText('PodSecurity');
    await expect(journey.tabPanel).toContainText('restricted');
  });

  test('Not enough CPU stops at the scheduler with FailedScheduling', async ({ journey }) => {
    await journey.open();
    await journey.pickScenario('Not enough CPU');
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Pending');
    await journey.tab('Terminal').click();
    await expect(journey.tabPanel).toContainText('FailedScheduling');
    await expect(journey.tabPanel).toContainText('0/3 nodes are available:');
    await expect(journey.tabPanel).toContainText('2 Insufficient cpu');
    await journey.tab('Scheduler').click();
    await expect(journey.tabPanel).toContainText('Insufficient cpu');
  });

  test('CrashLoopBackOff ends on the node with the back-off event', async ({ journey }) => {
    await journey.open();
    await journey.pickScenario('CrashLoopBackOff');
    await journey.button('Jump to end').click();
    await journey.tab('Terminal').click();
    await expect(journey.tabPanel).toContainText('CrashLoopBackOff');
    await expect(journey.tabPanel).toContainText('Back-off restarting failed container example-pod');
  });

  test('the first screen needs no catalog: opened before it is in, the gallery waits for it', async ({
    journey,
    page,
  }) => {
    // The scenario catalog is its own chunk, fetched after the first paint; here it is held back.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route(/\/assets\/scenarios-[^/]*\.js$/, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await journey.open();
    await expect(page.getByRole('button', { name: /^Scenario/ })).toContainText('Happy path');
    await expect(page.getByTestId('stage')).toContainText('kube-apiserver');
    await page.getByRole('button', { name: /^Scenario/ }).click();
    const gallery = page.getByRole('dialog', { name: 'Scenarios' });
    await expect(gallery).toContainText('Loading the scenarios…');
    expect(asked).toBe(true);
    release();
    await expect(gallery.getByRole('link', { name: /Happy path/ })).toBeFocused();
    await expect(gallery).not.toContainText('Loading the scenarios…');
  });

  test('a catalog that cannot be loaded is said in the gallery; the journey stays', async ({ journey, page }) => {
    await page.route(/\/assets\/scenarios-[^/]*\.js$/, (route) => route.abort());
    await journey.open();
    await page.getByRole('button', { name: /^Scenario/ }).click();
    const alert = page.getByRole('dialog', { name: 'Scenarios' }).getByRole('alert');
    await expect(alert).toContainText('The scenarios could not be loaded (');
    await expect(alert).toContainText('Reload the page to try again; the journey on screen stays as it is.');
    await page.keyboard.press('Escape');
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Running');
  });

  test('a scenario has its own address, and the address opens it', async ({ journey, page }) => {
    await journey.open('?autoplay=0#/scenario/unknown-token');
    await expect(page.getByRole('button', { name: /^Scenario/ })).toContainText('Unknown token (401)');
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('You must be logged in to the server');
  });
});

test.describe('the cluster and kubeconfig files', () => {
  test('the cluster is YAML beside the manifest, and its errors block Apply at the right line', async ({
    journey,
    page,
  }) => {
    await journey.open();
    await journey.fileTab('cluster.yaml').click();
    await expect(page.getByTestId('manifest-preview')).toContainText('kind: Node');
    await journey.openEditor();
    await page.evaluate(() => {
      const editor = (
        window as unknown as {
          __podJourneyEditor: {
            getModel(): { getLineContent(n: number): string } | null;
            executeEdits(src: string, edits: unknown[]): void;
          };
        }
      ).__podJourneyEditor;
      // line 1 becomes a mapping key without a value followed by a bad indent
      editor.executeEdits('e2e', [
        { range: { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 }, text: 'kind: [\n' },
      ]);
    });
    await expect(journey.fileTab('cluster.yaml')).toContainText(/\d/);
    await journey.button('Apply').click();
    await expect(page.locator('.editor-error')).toContainText(
      /Not applied: cluster\.yaml has (an error|\d+ errors), line \d+/,
    );
    // the manifest tab kept its own text
    await journey.fileTab('pod.yaml').click();
    await expect(page.locator('.monaco-editor')).toContainText('sonasingh46/node-web-app:latest');
  });

  test('the kubeconfig says who applies', async ({ journey }) => {
    await journey.open();
    await journey.pickScenario('No permission (403)');
    await expect(journey.page.locator('.apply-bar')).toContainText('as jane');
    await journey.fileTab('kubeconfig').click();
    await expect(journey.page.getByTestId('manifest-preview')).toContainText('current-context: jane@kubernetes');
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('User "jane" cannot get resource "pods"');
  });
});
