// Present mode at a projector's 1280×720: a lesson walked from the keyboard and a clicker's keys, the
// blank screen, full screen, the speaker notes below the fold, leaving; axe in both themes.
import type { Page } from '@playwright/test';
import { test, expect, expectNoViolations, type JourneyPage } from './fixtures';

const PROJECTOR = { width: 1280, height: 720 };
const HAPPY = '#/scenario/happy-path';
const PRESENT = `?present&autoplay=0${HAPPY}`;

test.use({ viewport: PROJECTOR });

/** The step titles and "Deeper" texts of the first `n` steps, as the normal app's timeline and inspector show them. */
async function readLesson(journey: JourneyPage, page: Page, n: number) {
  await journey.open(`?autoplay=0${HAPPY}`);
  const lesson: { title: string; deeper: string }[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) await journey.button('Next step').click();
    await expect(journey.stepCounter).toHaveText(new RegExp(`^Step ${i + 1} / `));
    lesson.push({
      title: (await page.locator('.timeline .step-title').textContent()) ?? '',
      deeper: (await journey.tabPanel.locator('.narr-detail').textContent()) ?? '',
    });
  }
  return lesson;
}

function presentView(page: Page) {
  return {
    title: page.getByRole('heading', { level: 1 }),
    stepTitle: page.getByTestId('present-step-title'),
    summary: page.getByTestId('present-summary'),
    notes: page.getByTestId('speaker-notes-detail'),
    announcer: page.getByTestId('announcer'),
    blank: page.getByTestId('present-blank'),
  };
}

test('a lesson from the keyboard: clicker keys step, Home/End, a scenario by number, blank, full screen, leave', async ({
  journey,
  page,
}) => {
  const lesson = await readLesson(journey, page, 4);
  expect(lesson[0]!.title).toBe('Read pod.yaml: 1 object');

  await journey.open(PRESENT);
  const view = presentView(page);
  const { of } = await journey.stepNumber();
  await expect(view.title).toHaveText('Happy path');
  // No editor, no inspector, no timeline: the stage, the narration and the thin bar.
  await expect(page.getByTestId('stage')).toBeVisible();
  await expect(page.getByTestId('manifest-preview')).toHaveCount(0);
  await expect(page.getByRole('tablist', { name: 'Files' })).toHaveCount(0);
  await expect(journey.inspector).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Timeline' })).toHaveCount(0);

  const expectStep = async (at: number) => {
    await expect(journey.stepCounter).toHaveText(`Step ${at} / ${of}`);
    const step = lesson[at - 1]!;
    await expect(view.stepTitle).toHaveText(step.title);
    await expect(view.notes).toHaveText(step.deeper);
    await expect(view.announcer).toHaveText(`Step ${at} / ${of}: ${step.title}`);
  };
  await expectStep(1);
  // The narration is read from the back row; nothing is wider than the projector.
  const fontSize = await view.summary.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(28);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PROJECTOR.width);

  // Clickers send PageDown/PageUp, some the down/up arrows; a keyboard has ←/→.
  await page.keyboard.press('PageDown');
  await expectStep(2);
  await page.keyboard.press('ArrowRight');
  await expectStep(3);
  await page.keyboard.press('ArrowDown');
  await expectStep(4);
  await page.keyboard.press('PageUp');
  await expectStep(3);
  await page.keyboard.press('ArrowLeft');
  await expectStep(2);
  await page.keyboard.press('ArrowUp');
  await expectStep(1);
  await page.keyboard.press('End');
  await expect(journey.stepCounter).toHaveText(`Step ${of} / ${of}`);
  await expect(journey.resultBanner).toContainText('Running');
  await expect(view.announcer).toContainText('Result: Running.');
  await page.keyboard.press('Home');
  await expectStep(1);

  // Space plays and pauses, once per press (the workspace's own shortcuts are not mounted here).
  await page.keyboard.press(' ');
  await expect(journey.button('Pause')).toBeVisible();
  await page.keyboard.press(' ');
  await expect(journey.button('Play')).toBeVisible();
  await page.keyboard.press('Home');

  // B blanks the screen; any key brings the picture back and does nothing else.
  await page.keyboard.press('b');
  await expect(view.blank).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(view.blank).toBeHidden();
  await expectStep(1);
  // "." blanks too (some clickers' blank key); a click brings it back.
  await page.keyboard.press('.');
  await expect(view.blank).toBeVisible();
  await view.blank.click();
  await expect(view.blank).toBeHidden();

  // The number keys: the gallery's scenarios in order; the second is LimitRange defaults.
  await page.keyboard.press('2');
  await expect(view.title).toHaveText('LimitRange defaults');
  await expect(journey.stepCounter).toHaveText(/^Step 1 \/ \d+$/);
  await expect(page).toHaveURL(/\?present&autoplay=0#\/scenario\/limitrange-defaults$/);
  await page.keyboard.press('1');
  await expect(view.title).toHaveText('Happy path');

  // "?" shows the keys, and hides them again.
  const hints = page.getByRole('region', { name: 'Keys' });
  await expect(hints).toBeHidden();
  await page.keyboard.press('?');
  await expect(hints).toBeVisible();
  await expect(hints).toContainText('PageDown');
  await expect(page.getByRole('button', { name: 'Keys' })).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('?');
  await expect(hints).toBeHidden();

  // F asks for full screen; where the browser refuses, the page says so. F again leaves it.
  await page.keyboard.press('f');
  await expect
    .poll(() =>
      page.evaluate(() =>
        document.fullscreenElement === document.documentElement
          ? 'full screen'
          : (document.querySelector('.present-notice')?.textContent ?? ''),
      ),
    )
    .toMatch(/^(full screen|Full screen is not available here.*)$/);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();

  // Escape leaves present mode: the workspace is back, the query loses `present`, the hash stays.
  await page.keyboard.press('Escape');
  await expect(journey.inspector).toBeVisible();
  await expect(page.getByTestId('present-summary')).toHaveCount(0);
  await expect(page).toHaveURL(/\/\?autoplay=0#\/scenario\/happy-path$/);
});

test('Escape first ends a blank screen, then leaves present mode', async ({ journey, page }) => {
  await journey.open(PRESENT);
  const view = presentView(page);
  await page.keyboard.press('B');
  await expect(view.blank).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(view.blank).toBeHidden();
  await expect(view.summary).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(view.summary).toHaveCount(0);
  await expect(journey.inspector).toBeVisible();
});

test('the Exit control leaves present mode; the speaker notes are below the fold', async ({ journey, page }) => {
  await journey.open(PRESENT);
  const notes = page.getByRole('complementary', { name: 'Speaker notes' });
  const top = await notes.evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(PROJECTOR.height);
  const docs = notes.getByRole('link', { name: /kubectl apply/ });
  await expect(docs).not.toBeInViewport();
  await docs.scrollIntoViewIfNeeded();
  await expect(docs).toBeInViewport();
  await page.getByRole('button', { name: 'Exit', exact: true }).click();
  await expect(journey.inspector).toBeVisible();
  await expect(page).toHaveURL(/\/\?autoplay=0#\/scenario\/happy-path$/);
});

test('the speaker notes window follows the presenting window', async ({ journey, page }) => {
  await journey.open(PRESENT);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: /^Speaker notes/ }).click();
  const notes = await popup;
  await expect(notes).toHaveURL(/\?autoplay=0&notes#\/scenario\/happy-path$/);
  const { of } = await journey.stepNumber();
  await expect(notes.getByTestId('notes-counter')).toHaveText(`Step 1 / ${of}`);
  await expect(notes.getByRole('heading', { level: 2 })).toHaveText('Read pod.yaml: 1 object');
  await page.bringToFront();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(notes.getByTestId('notes-counter')).toHaveText(`Step 3 / ${of}`);
  await expect(notes.getByTestId('speaker-notes-detail')).toHaveText(
    (await page.getByTestId('speaker-notes-detail').textContent()) ?? '',
  );
  await expect(notes.getByRole('heading', { level: 2 })).toHaveText(
    (await page.getByTestId('present-step-title').textContent()) ?? '',
  );
  // The clicker's keys, pressed while the notes window has the focus, move the presenting window.
  await notes.bringToFront();
  await notes.keyboard.press('PageDown');
  await expect.poll(async () => (await journey.stepNumber()).at).toBe(4);
  await expect(notes.getByTestId('notes-counter')).toHaveText(`Step 4 / ${of}`);
  await notes.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await journey.stepNumber()).at).toBe(3);
  await notes.close();
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe in present mode, ${theme} theme`, () => {
    test.use({ colorScheme: theme });
    test('start, in flight, the end, the keys shown', async ({ journey, page }) => {
      await journey.open(PRESENT);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoViolations(page, 'start');
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      await expectNoViolations(page, 'in flight');
      await page.keyboard.press('End');
      await expect(journey.resultBanner).toBeVisible();
      await expectNoViolations(page, 'the end');
      await page.keyboard.press('?');
      await expectNoViolations(page, 'keys shown');
    });
  });
}
