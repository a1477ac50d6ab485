/**
 * The player's first screen as HTML, rendered at build time (scripts/prerenderPlugin.ts): the store boots
 * exactly as in the browser (src/embed/main.tsx), reading the recorded runs the build has just written
 * instead of fetching them, and React renders the player from it. The build renders it once for embed.html
 * (no route: the first preset) and once per preset's own page (the address names that preset); a browser
 * opening that page boots to the same state, so the player adopts this HTML instead of rendering it again.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { firstScreenOf, readRunFilesWith, useJourney, type FirstScreen } from '@ui';
import { EmbedPlayer } from './EmbedPlayer';

export async function renderFirstScreen(readFile: (file: string) => unknown): Promise<FirstScreen> {
  readRunFilesWith(async (file) => readFile(file));
  useJourney.getState().setAutoplay(false);
  await useJourney.getState().boot();
  const presetId = firstScreenOf(useJourney.getState());
  if (!presetId) throw new Error('the store did not boot to a first screen (is the first preset recorded?)');
  // The theme is the reader's system's or the address's (?theme=); it is set on <html>, not in this markup.
  const html = renderToString(
    <StrictMode>
      <EmbedPlayer theme="system" />
    </StrictMode>,
  );
  return { presetId, title: useJourney.getState().source.title ?? presetId, html };
}
