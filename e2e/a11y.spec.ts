// Accessibility: axe (WCAG 2.2 AA) on every state of the app, in both themes and at desktop and phone
// widths; a keyboard walk; live announcements; the transcript; reduced motion.
import type { Page } from '@playwright/test';
import { test, expect, expectNoViolations, type JourneyPage } from './fixtures';

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
const THEMES = ['light', 'dark'] as const;

/** Nothing wider than the phone: no horizontal page scroll. */
async function expectNoHorizontalScroll(page: Page, width: number, state: string) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(scrollWidth, `page width (${state})`).toBeLessThanOrEqual(width);
}

/** Steps forward until the current step sends messages (their packets are on the stage). */
async function stepToPackets(journey: JourneyPage, page: Page) {
  const packets = page.locator('.packet');
  for (let i = 0; i < 8 && (await packets.count()) === 0; i++) await journey.button('Next step').click();
  await expect(packets.first()).toBeVisible();
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  for (const theme of THEMES) {
    test.describe(`axe at ${size} (${viewport.width}×${viewport.height}), ${theme} theme`, () => {
      test.use({ viewport, colorScheme: theme });
      const check = async (page: Page, state: string) => {
        await expectNoViolations(page, state);
        if (size === 'phone') await expectNoHorizontalScroll(page, viewport.width, state);
      };

      test('the journey: start, in flight, the end', async ({ journey, page }) => {
        await journey.open();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await check(page, 'start');
        await stepToPackets(journey, page);
        await check(page, 'packets in flight');
        await journey.button('Jump to end').click();
        await expect(journey.resultBanner).toBeVisible();
        await check(page, 'the end');
      });

      test('a rejected and a pending journey', async ({ journey, page }) => {
        await journey.open('?autoplay=0#/scenario/forbidden');
        await journey.button('Jump to end').click();
        await expect(journey.resultBanner).toContainText('Rejected');
        await check(page, 'rejected');
        await journey.open('?autoplay=0#/scenario/insufficient-cpu');
        await journey.button('Jump to end').click();
        await expect(journey.resultBanner).toContainText('Pending');
        await check(page, 'pending');
      });

      test('the editor: preview, then Monaco', async ({ journey, page }) => {
        await journey.open();
        if (size === 'phone') await journey.button('Manifest').click();
        await check(page, 'editor preview');
        await journey.openEditor();
        await check(page, 'Monaco');
        // A typo: the problems line, the error count on the file tab and the foreseen rejection.
        await journey.replaceInEditor('image:', 'imagee:');
        await expect(journey.fileTab('pod.yaml')).toContainText('1');
        await expect(page.getByTestId('foresight')).toContainText('rejected');
        await check(page, 'Monaco with an error');
        await journey.button('Apply').click();
        if (size === 'phone') await expect(journey.button('Manifest')).toHaveAttribute('aria-pressed', 'false');
        await journey.button('Jump to end').click();
        await expect(journey.resultBanner).toContainText('Rejected');
        await check(page, 'the typo rejected');
      });

      test('the dialogs and the Examples menu', async ({ journey, page }) => {
        await journey.open();
        await page.getByRole('button', { name: /^Scenario/ }).click();
        await expect(page.getByRole('dialog', { name: 'Scenarios' })).toBeVisible();
        await check(page, 'gallery');
        await page.keyboard.press('Escape');
        await journey.button('Keyboard shortcuts').click();
        await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
        await check(page, 'help');
        await page.keyboard.press('Escape');
        if (size === 'phone') await journey.button('Manifest').click();
        await page.getByRole('button', { name: /^Examples/ }).click();
        await expect(page.getByRole('menu')).toBeVisible();
        await check(page, 'Examples menu');
      });
    });
  }
}

/** The focused element: a short name for messages, whether a focus ring shows, whether it is Monaco's. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return {
      name: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${name}"`,
      ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
      monaco: !!el.closest('.monaco-editor'),
      preview: el.matches('[data-testid="manifest-preview"]'),
    };
  });
}

test.describe('keyboard', () => {
  test.use({ viewport: VIEWPORTS.desktop });

  test('Tab walks the whole page: every stop shows a focus ring, Escape leaves Monaco, no trap', async ({
    journey,
    page,
  }) => {
    await journey.open();
    const stops: string[] = [];
    let left = false;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      let f = await focused(page);
      if (!f) break; // past the last control: the browser's own UI is next
      if (stops.includes(f.name) && !f.monaco) break; // wrapped round to the top
      expect(f.ring, `a visible focus ring on ${f.name}`).toBe(true);
      stops.push(f.name);
      if (f.preview) {
        // Focusing the preview loads Monaco in its place, with the caret in it.
        await expect(page.locator('[data-monaco-ready="true"]')).toBeVisible();
        await expect.poll(async () => (await focused(page))?.monaco).toBe(true);
        f = await focused(page);
      }
      if (f?.monaco) {
        await page.keyboard.press('Escape');
        f = await focused(page);
        expect(f?.monaco, 'Escape leaves the editor').toBe(false);
        expect(f?.name).toContain('Apply');
        expect(f?.ring, `a visible focus ring on ${f?.name}`).toBe(true);
        stops.push(f!.name);
        left = true;
      }
    }
    expect(left).toBe(true);
    for (const stop of [
      'Scenario',
      'Keyboard shortcuts',
      '[role=tab] "pod.yaml',
      'Examples',
      'Apply',
      'Cluster picture',
      'Play',
      '1×',
      'Transcript',
      'Step',
      '[role=tab] "Narration',
      '[role=tabpanel]',
    ])
      expect(
        stops.some((s) => s.includes(stop)),
        `${stop} in ${stops.join(', ')}`,
      ).toBe(true);
  });

  test('the gallery and the Examples menu: rings on every item, Escape returns focus', async ({ journey, page }) => {
    await journey.open();
    const picker = page.getByRole('button', { name: /^Scenario/ });
    await picker.focus();
    await page.keyboard.press('Enter');
    const gallery = page.getByRole('dialog', { name: 'Scenarios' });
    await expect(gallery).toBeVisible();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f?.ring, `a visible focus ring on ${f?.name}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(gallery).toBeHidden();
    await expect(picker).toBeFocused();

    const examples = page.getByRole('button', { name: /^Examples/ });
    await examples.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menu')).toBeVisible();
    for (let i = 0; i < 3; i++) {
      const f = await focused(page);
      expect(f?.name).toMatch(/^button\[role=menuitem\]/);
      expect(f?.ring, `a visible focus ring on ${f?.name}`).toBe(true);
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(examples).toBeFocused();
  });
});

test.describe('announcements', () => {
  test('each step moved to by key is announced; nothing while playing; the result at the end', async ({
    journey,
    page,
  }) => {
    await journey.open();
    const announcer = page.getByTestId('announcer');
    const live = page.locator('[aria-live="polite"]').filter({ has: page.getByTestId('announcer') });
    await expect(announcer).toHaveAttribute('aria-live', 'polite');
    expect(await live.count()).toBe(0); // not nested in another live region
    const { of } = await journey.stepNumber();
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('ArrowRight');
    await expect(announcer).toHaveText(new RegExp(`^Step 2 / ${of}: .+`));
    const second = await announcer.textContent();
    await page.keyboard.press('ArrowRight');
    await expect(announcer).toHaveText(new RegExp(`^Step 3 / ${of}: .+`));
    expect(await announcer.textContent()).not.toBe(second);
    expect(await announcer.textContent()).not.toContain('Result');

    await page.keyboard.press(' ');
    await expect(journey.button('Pause')).toBeVisible();
    for (let i = 0; i < 5; i++) {
      await expect(announcer).toHaveText('');
      await page.waitForTimeout(200);
    }
    await page.keyboard.press(' ');
    await expect(announcer).toHaveText(/^Step \d+ \/ \d+: .+/);

    await page.keyboard.press('End');
    await expect(announcer).toHaveText(
      new RegExp(
        `^Step ${of} / ${of}: .+\\. Result: Running\\. pod/example-pod is Running on worker-[12] with IP 10\\.244\\.`,
      ),
    );
  });
});

test.describe('the transcript', () => {
  test('every step as text, with headings, reachable by keyboard, copyable', async ({ journey, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await journey.open();
    const { of } = await journey.stepNumber();
    const button = journey.button('Transcript');
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Transcript' });
    await expect(dialog).toBeVisible();
    const headings = dialog.getByRole('heading', { level: 3 });
    await expect(headings).toHaveCount(of);
    await expect(headings.first()).toHaveText('1. Read pod.yaml: 1 object');
    await expect(dialog.getByRole('listitem').first()).toContainText('t = 0.01 s · kubectl · read-manifest OK');
    await expect(dialog).toContainText('$ kubectl apply -f pod.yaml');
    await expect(dialog).toContainText('pod/example-pod created');
    await expect(dialog).toContainText(/Result: Running\. pod\/example-pod is Running on worker-[12]/);
    await expectNoViolations(page, 'transcript');

    await dialog.getByRole('button', { name: 'Copy as text' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Copied the transcript.');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Pod Journey transcript: Happy path',
      '',
      expect.stringMatching(/^Result: Running: pod\/example-pod is Running on worker-[12] with IP 10\.244\./),
    ]);
    expect(text).toContain(`\n\n${of}. `);
    expect(text).toContain('   Terminal 1:\n     $ kubectl apply -f pod.yaml\n');

    await dialog.getByRole('button', { name: 'Show step 5 on the stage' }).click();
    await expect(dialog).toBeHidden();
    expect((await journey.stepNumber()).at).toBe(5);
    await page.keyboard.press('Escape');
  });
});

/**
 * Samples, frame by frame while a step plays, the transform of every packet and of the pod card. Each
 * element's distinct transforms: with reduced motion every element keeps one (it fades, it does not
 * travel).
 */
async function transformsWhileStepping(journey: JourneyPage, page: Page, steps: number): Promise<number[]> {
  const counts: number[] = [];
  for (let s = 0; s < steps; s++) {
    await journey.button('Next step').click();
    const perElement = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const seen = new Map<Element, Set<string>>();
          let frames = 0;
          const sample = () => {
            for (const el of document.querySelectorAll<HTMLElement>('.packet, [data-testid="pod-card"]')) {
              const set = seen.get(el) ?? new Set<string>();
              set.add(getComputedStyle(el).transform);
              seen.set(el, set);
            }
            if (++frames < 24) requestAnimationFrame(sample);
            else resolve([...seen.values()].map((v) => v.size));
          };
          requestAnimationFrame(sample);
        }),
    );
    counts.push(...perElement);
  }
  return counts;
}

test.describe('reduced motion', () => {
  test('packets and the pod card fade in place instead of travelling; no CSS animation moves anything', async ({
    journey,
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await journey.open();
    await journey.button('0.5×').click();
    const counts = await transformsWhileStepping(journey, page, 8);
    expect(counts.length).toBeGreaterThan(8);
    expect(counts.every((n) => n === 1)).toBe(true);
    await journey.button('Jump to end').click();
    // Every fact stays: the pod card's face and the result.
    await expect(journey.podCard).toContainText('Running');
    await expect(journey.resultBanner).toContainText('Running');
    const moving = await page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) =>
          ((a.effect as KeyframeEffect | null)?.getKeyframes() ?? []).some((k) => 'transform' in k || 'translate' in k),
        )
        .map((a) => (a as CSSAnimation).animationName ?? 'script'),
    );
    expect(moving).toEqual([]);
  });

  test('without the preference the same steps travel (the check above can fail)', async ({ journey, page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await journey.open();
    await journey.button('0.5×').click();
    const counts = await transformsWhileStepping(journey, page, 8);
    expect(counts.some((n) => n > 1)).toBe(true);
  });
});
