import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const KEY = 'pod-journey.drafts';
const editorText = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __podJourneyEditor: { getValue(): string } }).__podJourneyEditor.getValue(),
  );

test.describe('saved drafts, Reset and the Examples menu', () => {
  test('an edit survives a reload and is announced as restored', async ({ journey, page }) => {
    await journey.open();
    await journey.replaceInEditor('name: example-pod', 'name: my-edited-pod');
    await page.waitForTimeout(400); // the debounced save
    await page.reload();
    await expect(journey.stepCounter).toBeVisible();
    await expect(page.getByTestId('manifest-preview')).toContainText('name: my-edited-pod');
    await expect(page.getByRole('status').filter({ hasText: 'Restored your edits to' })).toContainText(
      'Reset brings back the original.',
    );
  });

  test('saved drafts with a catalog that cannot be loaded: the recorded journey and why', async ({ journey, page }) => {
    await journey.open();
    await journey.replaceInEditor('name: example-pod', 'name: my-edited-pod');
    await page.waitForTimeout(400); // the debounced save
    await page.route(/\/assets\/scenarios-[^/]*\.js$/, (route) => route.abort());
    await page.reload();
    await expect(journey.stepCounter).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'could not be restored' })).toContainText(
      'Your saved drafts could not be restored: the scenarios could not be loaded (',
    );
    await expect(page.getByTestId('manifest-preview')).toContainText('name: example-pod');
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Running');
  });

  test('garbage in storage: a notice, the original texts, no crash', async ({ journey, page }) => {
    await page.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, '{"format":"pod-journey/drafts","version":1,"scenarios":{"happy-pa');
        sessionStorage.setItem('seeded', '1');
      }
    }, KEY);
    await journey.open();
    const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
    await expect(notice).toHaveText(
      `Your saved drafts could not be read (the saved data is cut off), so the scenarios' original texts are loaded. The unreadable data is kept under "${KEY}" until the next save.`,
    );
    await expect(page.getByTestId('manifest-preview')).toContainText('name: example-pod');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('Running');
  });

  test('Reset brings the original back, and Ctrl+Z in the editor brings the edit back', async ({ journey, page }) => {
    await journey.open();
    const reset = journey.button('Reset');
    await expect(reset).toBeDisabled();
    await journey.replaceInEditor('name: example-pod', 'name: my-edited-pod');
    await expect(reset).toBeEnabled();
    await reset.click();
    await expect(reset).toBeDisabled();
    expect(await editorText(page)).toContain('name: example-pod');
    await page.evaluate(() => window.__podJourneyEditor!.focus());
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => editorText(page)).toContain('name: my-edited-pod');
  });

  test('an example from the menu replaces pod.yaml and runs', async ({ journey, page }) => {
    await journey.open();
    const button = journey.button('Examples');
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'Examples' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();

    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: /^Requests and limits/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(page.getByTestId('manifest-preview')).toContainText('name: web-guaranteed');
    await journey.button('Apply').click();
    await journey.button('Jump to end').click();
    await expect(journey.resultBanner).toContainText('pod/web-guaranteed is Running');
  });

  test('All scenarios… opens the gallery', async ({ journey, page }) => {
    await journey.open();
    await journey.button('Examples').click();
    await page.getByRole('menuitem', { name: 'All scenarios…' }).click();
    const gallery = page.getByRole('dialog', { name: 'Scenarios' });
    await expect(gallery).toBeVisible();
    await gallery
      .getByRole('link', { name: /^No permission \(403\)/ })
      .first()
      .click();
    await expect(gallery).toBeHidden();
    await expect(page).toHaveURL(/#\/scenario\/forbidden$/);
  });

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const)
    for (const scheme of ['light', 'dark'] as const)
      test(`the notice and the menu fit a ${width}×${height} screen (${scheme})`, async ({ journey, page }) => {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.addInitScript((key) => {
          localStorage.setItem(key, 'not json');
        }, KEY);
        await journey.open();
        if (width < 600)
          await page
            .getByRole('button', { name: /manifest/i })
            .first()
            .click();
        await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
        await journey.button('Examples').click();
        const menu = page.getByRole('menu', { name: 'Examples' });
        await expect(menu).toBeVisible();
        const box = (await menu.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
});
