import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createDraftSaver, firstJourney, hasSavedDrafts, loadDrafts, rememberDrafts, useJourney } from '@ui';
import { App } from './App';
import { whenIdle } from './idle';
import { applyTheme } from './theme';

const store = useJourney.getState();
// `?autoplay=0`: Apply does not start playing (end-to-end tests step deterministically).
store.setAutoplay(new URLSearchParams(window.location.search).get('autoplay') !== '0');
// The theme is on <html> before the first render, so the page never flashes the other one.
applyTheme(store.themePref);

// The first journey is the preset's recorded run, which carries its texts (no simulator needed); the
// catalog of every preset's texts loads once the page has painted, or first when there are saved
// drafts to restore.
const booting = store.boot({ drafts: { loadDrafts, rememberDrafts, createDraftSaver, hasSavedDrafts } });

// A second visit works offline: the build's service worker (sw.js) keeps every file of the site. It is
// registered once the page is idle, so it never competes with the first paint; not from file://.
if (import.meta.env.PROD && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
  window.addEventListener('load', () =>
    whenIdle(() => void navigator.serviceWorker.register('./sw.js').catch(() => undefined), 5000),
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first render has the first journey (its run is fetched with the page) and is a transition: React
// renders it once, in slices that yield to the browser, instead of in one long task.
await firstJourney(booting);
const reactRoot = createRoot(root);
startTransition(() =>
  reactRoot.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
