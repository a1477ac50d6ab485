import { test, expect } from './fixtures';

// The editor names, before Apply, the component that would reject each problem; after a failed run it
// points back at the line that caused it.
test.describe('the editor foresees the journey', () => {
  test('an unknown field is marked while typing as strict decoding, with a rename quick fix', async ({
    journey,
    page,
  }) => {
    await journey.open();
    await journey.replaceInEditor('    image:', '    imagee:');
    const problems = page.locator('.editor-problems');
    await expect(problems).toContainText('unknown field "spec.containers[0].imagee"');
    await expect(problems).toContainText('kube-apiserver, strict decoding');
    await expect(page.getByTestId('foresight')).toContainText('rejected');
    await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();

    // The quick fix: caret on the marker, Ctrl+. opens the fixes, Enter applies the rename.
    const line = await page.evaluate(() => {
      const editor = window.__podJourneyEditor!;
      const model = editor.getModel()!;
      const n = model.getLinesContent().findIndex((l) => l.includes('imagee:')) + 1;
      editor.setPosition({ lineNumber: n, column: 6 });
      editor.focus();
      return n;
    });
    expect(line).toBeGreaterThan(0);
    await page.keyboard.press('Control+.');
    await expect(page.getByText('Rename "imagee" to "image"')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__podJourneyEditor!.getValue())).not.toContain('imagee');
    await expect(page.getByTestId('foresight')).toContainText('runs');
  });

  test('a privileged container in a baseline namespace is foreseen at PodSecurity, and the failed run points back', async ({
    journey,
    page,
  }) => {
    await journey.open();
    await journey.fileTab('cluster.yaml').click();
    await journey.replaceInEditor(
      '  name: default\n---',
      '  name: default\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n---',
    );
    await journey.fileTab('pod.yaml').click();
    await journey.replaceInEditor('    ports:\n', '    securityContext:\n      privileged: true\n    ports:\n');
    await expect(page.locator('.editor-problems')).toContainText('violates PodSecurity "baseline:latest"');
    await expect(page.locator('.editor-problems')).toContainText('PodSecurity');
    await expect(page.getByTestId('foresight')).toContainText('rejected');

    await journey.button('Apply').click();
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Rejected');
    // The failing line is marked in the editor ...
    const privilegedLine = await page.evaluate(
      () =>
        window
          .__podJourneyEditor!.getModel()!
          .getLinesContent()
          .findIndex((l) => l.includes('privileged: true')) + 1,
    );
    await expect(page.locator('.monaco-editor .failing-line').first()).toBeVisible();
    // ... and the result banner's link puts the caret on it.
    await page.evaluate(() => window.__podJourneyEditor!.setPosition({ lineNumber: 1, column: 1 }));
    await journey.resultBanner.getByRole('button', { name: /^Cause: pod\.yaml line \d+$/ }).click();
    await expect
      .poll(() => page.evaluate(() => window.__podJourneyEditor!.getPosition()!.lineNumber))
      .toBe(privilegedLine);
  });

  test('a failure in the timeline jumps to its line before the editor has loaded', async ({ journey, page }) => {
    await journey.open('?autoplay=0#/scenario/podsecurity-restricted');
    await journey.button('Jump to end').click();
    await expect(page.locator('.manifest-preview .failing-line').first()).toBeVisible();
    for (let i = 0; i < 12 && !(await page.locator('.step-line .failure-link').count()); i++)
      await journey.button('Previous step').click();
    const link = page.locator('.step-line').getByRole('button', { name: /^Cause: pod\.yaml line (\d+)$/ });
    const line = Number(/line (\d+)/.exec((await link.textContent()) ?? '')?.[1]);
    await link.click();
    await expect(page.locator('[data-monaco-ready="true"]')).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.__podJourneyEditor!.getPosition()!.lineNumber)).toBe(line);
  });
});
