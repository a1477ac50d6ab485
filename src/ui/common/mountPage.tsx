/**
 * Puts a page on screen: adopts the first screen the build prerendered into its HTML
 * (scripts/prerenderPlugin.ts) when the booted store shows exactly that screen, or else renders it afresh.
 * The app (index.html) and the embeddable player (embed.html) both start here.
 */
import { StrictMode, startTransition, useEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { firstJourney, firstScreenOf, useJourney } from '../store/store';

/** A page's first screen, rendered at build time (src/app/prerender.tsx, src/embed/prerender.tsx). */
export interface FirstScreen {
  /** The preset shown, at its first step. */
  presetId: string;
  /** Its title. */
  title: string;
  /** The markup of #root's children. */
  html: string;
}

export interface MountOptions {
  /** The page's root element (#root). */
  root: HTMLElement;
  /** The page, without StrictMode (added here). */
  page: ReactNode;
  /** The store's boot, under way. */
  booting: Promise<void>;
  /** Whether the page, apart from the store, shows its first screen (the app: not in present mode). */
  firstScreen?: () => boolean;
  /** Runs once React has committed the page (adopted or rendered). */
  onLive?: () => void;
}

/**
 * The prerendered screen is on screen before the page's script runs, unless public/first-screen.js found
 * that this address or saved state opens something else (it then removes <html data-first-screen>, and the
 * stylesheet hides the screen). With the screen showing, this waits for the first journey however long it
 * takes; without one, it renders after at most a second (the stage says the journey is being prepared).
 */
export async function mountPage({
  root,
  page,
  booting,
  firstScreen = () => true,
  onLive,
}: MountOptions): Promise<void> {
  const prerendered = root.dataset.prerendered;
  const wanted = prerendered !== undefined && document.documentElement.dataset.firstScreen === prerendered;
  await (wanted ? booting : firstJourney(booting));

  // Clicks on the prerendered screen so far (public/first-screen.js kept them); from here on React hears
  // them itself (hydrateRoot listens at once, and handles a click on the page it is adopting).
  const early = window as { podJourneyEarlyClicks?: HTMLElement[] | null };
  const earlyClicks = early.podJourneyEarlyClicks ?? [];
  early.podJourneyEarlyClicks = null;

  /**
   * Marks #root `data-live` once React has committed the page: from then on it answers clicks and keys
   * (a prerendered screen shows its buttons before that). Renders nothing, so the adopted HTML is the same
   * with it. StrictMode runs the effect twice in development; the second finds no clicks.
   */
  function Live() {
    useEffect(() => {
      if (root.dataset.live !== undefined) return;
      root.dataset.live = '';
      // Adoption keeps the prerendered elements, so each early click is made again, now that React hears it.
      for (const control of earlyClicks.splice(0)) if (control.isConnected) control.click();
      onLive?.();
    }, []);
    return null;
  }
  const app = (
    <StrictMode>
      {page}
      <Live />
    </StrictMode>
  );
  const adopt = wanted && firstScreenOf(useJourney.getState()) === prerendered && firstScreen();
  // Both are transitions: React renders (or adopts) the page in slices that yield to the browser, instead
  // of in one long task.
  if (adopt) startTransition(() => void hydrateRoot(root, app));
  else {
    if (prerendered !== undefined) {
      root.replaceChildren();
      delete root.dataset.prerendered;
    }
    const reactRoot = createRoot(root);
    startTransition(() => reactRoot.render(app));
  }
}
