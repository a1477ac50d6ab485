// The embeddable player (embed.html): the journey of the address's scenario, no editor.
import { mountPage, useJourney } from '@ui';
import { connectBridge } from './bridge';
import { EmbedPlayer } from './EmbedPlayer';
import { embedOptions } from './options';

const options = embedOptions(location.search);
const store = useJourney.getState();
// `?autoplay=1` plays once the page is live (below): the journey boots paused, as the prerendered first
// screen shows it, so that screen can be adopted.
store.setAutoplay(false);
// A preset's journey is recorded at build time, so boot paints it without the simulator.
const booting = store.boot();
connectBridge(window, useJourney, options.origin);

/** `?autoplay=1`: plays once the journey is on screen, and then whenever the address opens another. */
function autoplay() {
  store.setAutoplay(options.autoplay);
  if (!options.autoplay) return;
  const play = (s: { trace?: unknown; play: () => void }) => {
    if (!s.trace) return false;
    s.play();
    return true;
  };
  if (play(useJourney.getState())) return;
  const stop = useJourney.subscribe((s) => {
    if (play(s)) stop();
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no #root element');
// The build prerenders the first preset's first screen into embed.html (scripts/prerenderPlugin.ts): the
// player adopts it when the address opens exactly that screen, and renders its own otherwise.
await mountPage({ root, page: <EmbedPlayer theme={options.theme} />, booting, onLive: autoplay });
