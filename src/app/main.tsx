import { StrictMode, startTransition, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { firstJourney, firstScreenOf, useJourney, usePresentMode } from '@ui';
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
// The build prerenders the first preset's first screen into index.html (scripts/prerenderPlugin.ts); it
// is on screen before this script runs, unless public/first-screen.js found that this address or saved
// state opens something else. Then the store, once booted, must show exactly that screen for React to
// adopt its HTML; otherwise the HTML is dropped and the page renders its own.
const prerendered = root.dataset.prerendered;
const wanted = prerendered !== undefined && document.documentElement.dataset.firstScreen === prerendered;
// With a screen already showing, the page waits for the first journey however long it takes; without
// one, it renders after at most a second (the stage says the journey is being prepared).
await (wanted ? booting : firstJourney(booting));
/**
 * Marks #root `data-live` once React has committed the page, adopted or rendered: from then on it answers
 * clicks and keys (a prerendered screen shows its buttons before that). Renders nothing, so the adopted
 * HTML is the same with it. StrictMode runs the effect twice in development; the second finds no clicks.
 */
function Live() {
  useEffect(() => {
    root!.dataset.live = '';
    // Clicks on the prerendered screen before React listened (public/first-screen.js kept them): adoption
    // keeps its elements, so each is clicked again, now that React handles it.
    for (const control of earlyClicks.splice(0)) if (control.isConnected) control.click();
  }, []);
  return null;
}
const app = (
  <StrictMode>
    <App />
    <Live />
  </StrictMode>
);
// Clicks on the prerendered screen so far; from here on React hears them itself (hydrateRoot listens at
// once, and handles a click on the page it is adopting).
const early = window as { podJourneyEarlyClicks?: HTMLElement[] | null };
const earlyClicks = early.podJourneyEarlyClicks ?? [];
early.podJourneyEarlyClicks = null;
const adopt =
  wanted && firstScreenOf(useJourney.getState()) === prerendered && usePresentMode.getState().mode === 'app';
// Both are transitions: React renders (or adopts) the page in slices that yield to the browser, instead of
// in one long task.
if (adopt) startTransition(() => void hydrateRoot(root, app));
else {
  if (prerendered !== undefined) {
    root.replaceChildren();
    delete root.dataset.prerendered;
  }
  const reactRoot = createRoot(root);
  startTransition(() => reactRoot.render(app));
}
