import { mountPage, useJourney, usePresentMode } from '@ui';
import { App, WORKSPACE } from './App';
import { whenIdle } from './idle';

const store = useJourney.getState();
// `?autoplay=0`: Apply does not start playing (end-to-end tests step deterministically).
store.setAutoplay(new URLSearchParams(window.location.search).get('autoplay') !== '0');
// The theme is on <html> before the first paint: public/first-screen.js, in index.html's <head>, sets it
// (ThemeProvider keeps it in step from then on).

// The first journey is the preset's recorded run, which carries its texts (no simulator needed); the
// catalog of every preset's texts loads once the page has painted, or first when there are saved
// drafts to restore.
const booting = store.boot(WORKSPACE);

// A second visit works offline: the build's service worker (sw.js) keeps every file of the site. It is
// registered once the page has loaded and is idle, so it never competes with the first paint; not from
// file://. This script may run after the load event: it is requested once the prerendered screen is drawn.
if (import.meta.env.PROD && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const register = () => whenIdle(() => void navigator.serviceWorker.register('./sw.js').catch(() => undefined), 5000);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The build prerenders the first preset's first screen into index.html (scripts/prerenderPlugin.ts); the
// page adopts it when it opens exactly that screen (not in present mode), and renders its own otherwise.
await mountPage({ root, page: <App />, booting, firstScreen: () => usePresentMode.getState().mode === 'app' });
