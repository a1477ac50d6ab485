// The embeddable player (embed.html): the journey of the address's scenario, no editor.
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { firstJourney, useJourney } from '@ui';
import { connectBridge } from './bridge';
import { EmbedPlayer } from './EmbedPlayer';
import { embedOptions } from './options';

const options = embedOptions(location.search);
const store = useJourney.getState();
store.setAutoplay(options.autoplay);
// A preset's journey is recorded at build time, so boot paints it without the simulator.
const booting = store.boot();
if (options.autoplay) {
  const stop = useJourney.subscribe((s) => {
    if (!s.trace) return;
    stop();
    s.play();
  });
}
connectBridge(window, useJourney, options.origin);

const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no #root element');
// The first render has the first journey and is a transition: React renders it once, in slices that
// yield to the browser, instead of in one long task.
await firstJourney(booting);
const reactRoot = createRoot(root);
startTransition(() =>
  reactRoot.render(
    <StrictMode>
      <EmbedPlayer theme={options.theme} />
    </StrictMode>,
  ),
);
