/**
 * Whether the page is in present mode, the speaker notes window, or the normal app, and the state of a
 * presentation (blank screen, key hints shown). How the person looks at the journey, nothing about the
 * cluster: the journey itself stays in the journey store.
 */
import { create } from 'zustand';
import { hasFlag, withFlag } from './query';

export const PRESENT_FLAG = 'present';
export const NOTES_FLAG = 'notes';

/** `app`: the editor and the journey; `present`: the projector view; `notes`: the speaker notes window. */
export type PageMode = 'app' | 'present' | 'notes';

export interface PresentState {
  mode: PageMode;
  /** The screen is blanked (black, or white in the light theme) until any key or click. */
  blank: boolean;
  /** The on-screen list of keys is shown. */
  hints: boolean;
  /** Said once when full screen was asked for and the browser refused or has none. */
  fullscreenNotice?: string;
}

const search = typeof location === 'undefined' ? '' : location.search;

export const usePresentMode = create<PresentState>()(() => ({
  mode: hasFlag(search, NOTES_FLAG) ? 'notes' : hasFlag(search, PRESENT_FLAG) ? 'present' : 'app',
  blank: false,
  hints: false,
}));

/** Rewrites the query (bookmarkable), keeping the path and the hash: the hash is the scenario's route. */
function replaceQuery(flag: string, on: boolean) {
  history.replaceState(history.state, '', `${location.pathname}${withFlag(location.search, flag, on)}${location.hash}`);
}

/** Switches the page to present mode (the "Present" button of the top bar). */
export function enterPresent(): void {
  replaceQuery(PRESENT_FLAG, true);
  usePresentMode.setState({ mode: 'present', blank: false, hints: false, fullscreenNotice: undefined });
}

/** Back to the editor and the journey; full screen ends with it. */
export function leavePresent(): void {
  if (typeof document !== 'undefined' && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  replaceQuery(PRESENT_FLAG, false);
  usePresentMode.setState({ mode: 'app', blank: false, hints: false, fullscreenNotice: undefined });
}

export const setBlank = (blank: boolean): void => usePresentMode.setState({ blank });
export const toggleHints = (): void => usePresentMode.setState((s) => ({ hints: !s.hints }));

const NO_FULLSCREEN = 'Full screen is not available here: use the browser’s own full-screen key (F11).';

/**
 * Full screen on or off. The Fullscreen API may be missing (some embedded browsers) or refuse (no user
 * gesture, a sandboxed frame): the person is told once and the page stays as it is.
 */
export function toggleFullscreen(): void {
  if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => {});
    return;
  }
  const refused = () => usePresentMode.setState({ fullscreenNotice: NO_FULLSCREEN });
  const root = document.documentElement;
  if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') refused();
  else root.requestFullscreen().catch(refused);
}
