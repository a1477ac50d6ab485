// Page object for the full app, used as a Playwright fixture (role/label locators first).
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Request } from '@playwright/test';

export class JourneyPage {
  readonly requests: Request[] = [];
  constructor(readonly page: Page) {
    page.on('request', (r) => this.requests.push(r));
  }

  async open(query = '?autoplay=0') {
    await this.page.goto(`./${query}`);
    // The first screen may be prerendered HTML: wait until the app has adopted it and answers input.
    await expect(this.page.locator('#root[data-live]')).toBeAttached();
    await expect(this.stepCounter).toBeVisible();
  }

  get stepCounter() {
    return this.page.getByTestId('step-counter');
  }
  get podCard() {
    return this.page.getByTestId('pod-card');
  }
  get resultBanner() {
    return this.page.getByTestId('result-banner');
  }
  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }
  /** A tab of the inspector (Narration, Object, Request, Scheduler, Terminal). */
  tab(name: string) {
    return this.inspector.getByRole('tab', { name });
  }
  get inspector() {
    return this.page.getByRole('region', { name: 'Inspector' });
  }
  get tabPanel() {
    return this.inspector.getByRole('tabpanel');
  }
  /** A file tab of the editor (pod.yaml, cluster.yaml, kubeconfig). */
  fileTab(name: string) {
    return this.page.getByRole('tablist', { name: 'Files' }).getByRole('tab', { name });
  }

  /** Opens the scenario gallery and picks a scenario by its title. */
  async pickScenario(title: string) {
    await this.page.getByRole('button', { name: /^Scenario/ }).click();
    const gallery = this.page.getByRole('dialog', { name: 'Scenarios' });
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await gallery.getByRole('link', { name: new RegExp(`^${escaped}`) }).click();
    await expect(gallery).toBeHidden();
  }

  /** The current step number, read from "Step 12 / 41". */
  async stepNumber(): Promise<{ at: number; of: number }> {
    const text = (await this.stepCounter.textContent()) ?? '';
    const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
    if (!m) throw new Error(`no step counter in "${text}"`);
    return { at: Number(m[1]), of: Number(m[2]) };
  }

  /** Clicks the manifest so Monaco loads, and waits until it is mounted. */
  async openEditor() {
    if (await this.page.locator('[data-monaco-ready="true"]').count()) return;
    await this.page.getByTestId('manifest-preview').click();
    await expect(this.page.locator('[data-monaco-ready="true"]')).toBeVisible();
  }

  /** Replaces the whole manifest in Monaco (multi-line typing is mangled by auto-indent). */
  async setManifest(text: string) {
    await this.openEditor();
    await this.page.evaluate((t) => {
      const editor = (
        window as unknown as {
          __podJourneyEditor: {
            getModel(): { getFullModelRange(): unknown } | null;
            executeEdits(src: string, edits: unknown[]): void;
          };
        }
      ).__podJourneyEditor;
      const model = editor.getModel()!;
      editor.executeEdits('e2e', [{ range: model.getFullModelRange(), text: t }]);
    }, text);
  }

  /**
   * Replaces the first occurrence of `find` in the file shown in the editor (the default manifest
   * lives in the app; the specs do not import the app's YAML files).
   */
  async replaceInEditor(find: string, replacement: string) {
    await this.openEditor();
    const text = await this.page.evaluate(() =>
      (window as unknown as { __podJourneyEditor: { getValue(): string } }).__podJourneyEditor.getValue(),
    );
    if (!text.includes(find)) throw new Error(`the editor text has no "${find}"`);
    await this.setManifest(text.replace(find, replacement));
  }

  /** Moves the mouse onto the first occurrence of `find` in the editor (Monaco shows its hover there). */
  async hoverInEditor(find: string) {
    await this.openEditor();
    const point = await this.page.evaluate((text) => {
      type Pos = { lineNumber: number; column: number };
      const editor = (
        window as unknown as {
          __podJourneyEditor: {
            getModel(): { getValue(): string; getPositionAt(offset: number): Pos } | null;
            revealPositionInCenter(p: Pos): void;
            getScrolledVisiblePosition(p: Pos): { left: number; top: number; height: number } | null;
            getDomNode(): HTMLElement | null;
          };
        }
      ).__podJourneyEditor;
      const model = editor.getModel()!;
      const offset = model.getValue().indexOf(text);
      if (offset < 0) return null;
      const at = model.getPositionAt(offset + Math.floor(text.length / 2));
      editor.revealPositionInCenter(at);
      const p = editor.getScrolledVisiblePosition(at)!;
      const box = editor.getDomNode()!.getBoundingClientRect();
      return { x: box.left + p.left, y: box.top + p.top + p.height / 2 };
    }, find);
    if (!point) throw new Error(`the editor text has no "${find}"`);
    // Away first: moving onto the same point again would not ask for a new hover.
    await this.page.mouse.move(0, 0);
    await this.page.mouse.move(point.x, point.y);
  }

  /**
   * Hovers `find` until Monaco's hover shows `text`: the YAML worker answers only once it has loaded
   * its schema, and a hover asked before that stays empty.
   */
  async expectHover(find: string, text: string) {
    const hover = this.page.locator('.monaco-hover:visible');
    await expect(async () => {
      await this.hoverInEditor(find);
      await expect(hover).toContainText(text, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }

  /** Hosts other than the preview server that the page contacted. */
  foreignRequests(): string[] {
    return this.requests
      .map((r) => r.url())
      .filter((u) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(u));
  }
}

export const test = base.extend<{ journey: JourneyPage }>({
  journey: async ({ page }, use) => {
    await use(new JourneyPage(page));
  },
});
export { expect };

/** axe's WCAG 2.0/2.1/2.2 A and AA rules; the failures listed with their nodes so a report says what to fix. */
export async function expectNoViolations(page: Page, state: string) {
  // axe reads colours as painted: an element still fading in (the result banner rises in 0.3 s) reads
  // lighter than it is, so finite animations finish first (at most 3 s)
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)))
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((done) => setTimeout(done, 3000)),
    ]),
  );
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const report = violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  );
  expect.soft(report, `axe violations (${state})`).toEqual([]);
}
