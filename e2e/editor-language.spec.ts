// The YAML language service in the editor: hover with the journey, completion from the 1.33 schema.
import { test, expect, type JourneyPage } from './fixtures';

const RESOURCES = `    resources:
      requests:
        cpu: 250m
`;

/** The default manifest with requests on its container (the story's pod has none). */
async function withRequests(journey: JourneyPage) {
  await journey.replaceInEditor('    - containerPort: 8000\n', `    - containerPort: 8000\n${RESOURCES}`);
}

test.describe('editor language service', () => {
  test('hover on resources shows the upstream description and who reads it', async ({ journey, page }) => {
    await journey.open();
    await withRequests(journey);
    await journey.expectHover('resources', 'Compute Resources required by this container.');
    const hover = page.locator('.monaco-hover:visible');
    await expect(hover).toContainText('In the journey:');
    await expect(hover).toContainText('kube-scheduler: NodeResourcesFit filter and score');

    await page.getByRole('radio', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await journey.expectHover('resources', 'kube-scheduler');
    expect(journey.foreignRequests()).toEqual([]);
  });

  test('Ctrl+Space under spec: offers nodeSelector and inserts it with 2-space indentation', async ({
    journey,
    page,
  }) => {
    await journey.open();
    await journey.openEditor();
    // A new line at the end of the manifest, indented for spec's fields.
    await page.evaluate(() => {
      const editor = (
        window as unknown as {
          __podJourneyEditor: {
            getModel(): { getLineCount(): number } | null;
            setPosition(p: { lineNumber: number; column: number }): void;
            focus(): void;
          };
        }
      ).__podJourneyEditor;
      editor.setPosition({ lineNumber: editor.getModel()!.getLineCount(), column: 1 });
      editor.focus();
    });
    await page.keyboard.type('  nodeSel');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget:visible');
    await expect(suggest).toContainText('nodeSelector');
    await page.keyboard.press('Enter');
    const text = await page.evaluate(() =>
      (window as unknown as { __podJourneyEditor: { getValue(): string } }).__podJourneyEditor.getValue(),
    );
    expect(text).toMatch(/\n {4}- containerPort: 8000\n {2}nodeSelector:\n/);
    expect(journey.foreignRequests()).toEqual([]);
  });

  test("a completed list and Format Document keep kubectl's layout", async ({ journey, page }) => {
    await journey.open();
    await journey.openEditor();
    type Editor = {
      getModel(): { getLineCount(): number } | null;
      setPosition(p: { lineNumber: number; column: number }): void;
      focus(): void;
      getValue(): string;
      getAction(id: string): { run(): Promise<void> } | null;
    };
    const editorValue = () =>
      page.evaluate(() => (window as unknown as { __podJourneyEditor: Editor }).__podJourneyEditor.getValue());
    await page.evaluate(() => {
      const editor = (window as unknown as { __podJourneyEditor: Editor }).__podJourneyEditor;
      editor.setPosition({ lineNumber: editor.getModel()!.getLineCount(), column: 1 });
      editor.focus();
    });
    await page.keyboard.type('  toleration');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget:visible')).toContainText('tolerations');
    await page.keyboard.press('Enter');
    await expect.poll(editorValue).toMatch(/\n {2}tolerations:\n {2}- $/);

    await journey.setManifest('kind: Pod\nspec:\n    containers:\n        -   name: web\n            image: nginx\n');
    await page.evaluate(() =>
      (window as unknown as { __podJourneyEditor: Editor }).__podJourneyEditor
        .getAction('editor.action.formatDocument')!
        .run(),
    );
    await expect.poll(editorValue).toBe('kind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n');
  });

  test("cluster.yaml: each document gets its own kind's fields", async ({ journey, page }) => {
    await journey.open();
    await journey.openEditor();
    await journey.fileTab('cluster.yaml').click();
    await journey.hoverInEditor('podCIDR:');
    const hover = page.locator('.monaco-hover:visible');
    await expect(hover).toContainText('PodCIDR represents the pod IP range assigned to the node.');
    await expect(hover).not.toContainText('In the journey:');

    // A new field in the first Node's spec, after its providerID line.
    await page.evaluate(() => {
      const editor = (
        window as unknown as {
          __podJourneyEditor: {
            getModel(): { getValue(): string; getPositionAt(offset: number): { lineNumber: number } } | null;
            executeEdits(src: string, edits: unknown[]): void;
            setPosition(p: { lineNumber: number; column: number }): void;
            focus(): void;
          };
        }
      ).__podJourneyEditor;
      const model = editor.getModel()!;
      const line = model.getPositionAt(model.getValue().indexOf('  providerID:')).lineNumber + 1;
      const range = { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 };
      editor.executeEdits('e2e', [{ range, text: '\n' }]);
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.focus();
    });
    await page.keyboard.type('  unsch');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget:visible')).toContainText('unschedulable');
    expect(journey.foreignRequests()).toEqual([]);
  });
});
