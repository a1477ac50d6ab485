// A fault in one region (here: a recorded run whose first step is corrupt, so the stage cannot draw it)
// shows a message in that region; the timeline, the inspector and the top bar keep working.
import { test, expect } from './fixtures';

test('a region that fails says so in its place and the rest of the page keeps working', async ({ journey, page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/runs/happy-path-*.json', async (route) => {
    const run = (await (await route.fetch()).json()) as { trace: { steps: { packets: unknown }[] } };
    run.trace.steps[0]!.packets = 42; // not a list: the stage's wires and packets cannot be drawn
    await route.fulfill({ json: run });
  });
  await journey.open('?autoplay=0#/scenario/happy-path');

  const failed = page.getByRole('alert').filter({ hasText: 'The stage stopped working' });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('The rest of the page still works.');
  expect(errors).toEqual([]); // caught by the region's boundary, not an uncaught page error

  // The timeline and the inspector still follow the playhead.
  const narration = journey.tabPanel.getByRole('heading').first();
  const before = await narration.textContent();
  await journey.button('Next step').click();
  await expect.poll(async () => (await journey.stepNumber()).at).toBe(2);
  await expect(narration).not.toHaveText(before ?? '');
  await expect(page.getByRole('button', { name: 'Share' })).toBeEnabled();

  // Step 2 is intact: "Try again" draws the stage.
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(failed).toBeHidden();
  await expect(journey.podCard).toBeVisible();
});
