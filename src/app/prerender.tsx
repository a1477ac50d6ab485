/**
 * The app's first screen as HTML, rendered at build time (scripts/prerenderPlugin.ts): the store boots
 * exactly as in the browser (src/app/main.tsx), reading the recorded runs the build has just written
 * instead of fetching them, and React renders the page from it. A browser with nothing saved that opens
 * the bare address boots to the same state, so React can adopt this HTML instead of rendering it again.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { firstScreenOf, readRunFilesWith, useJourney, type FirstScreen } from '@ui';
import { App, WORKSPACE } from './App';

export async function renderFirstScreen(readFile: (file: string) => unknown): Promise<FirstScreen> {
  readRunFilesWith(async (file) => readFile(file));
  await useJourney.getState().boot(WORKSPACE);
  const presetId = firstScreenOf(useJourney.getState());
  if (!presetId) throw new Error('the store did not boot to a first screen (is the first preset recorded?)');
  const html = renderToString(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  return { presetId, title: useJourney.getState().source.title ?? presetId, html };
}
