/**
 * The colour theme preference: light, dark or follow the system. Saved in localStorage under a
 * versioned key so a later format can ignore today's values; anything unreadable means `system`.
 */
// The stylesheet every page of the UI needs (the app, the embed, present mode, the speaker notes): the
// design tokens of both themes and the base styles. It loads with the theme, which every page reads.
import '../styles/tokens.css';
import '../styles/base.css';

export const THEME_PREFS = ['light', 'dark', 'system'] as const;
export type ThemePref = (typeof THEME_PREFS)[number];
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'pod-journey.theme.v1';

export function parseThemePref(raw: unknown): ThemePref {
  return typeof raw === 'string' && (THEME_PREFS as readonly string[]).includes(raw) ? (raw as ThemePref) : 'system';
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** Reading may throw (storage disabled, sandboxed iframe): then the system theme applies. */
export function loadThemePref(storage: Store | undefined): ThemePref {
  try {
    return parseThemePref(storage?.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

export function saveThemePref(storage: Store | undefined, pref: ThemePref): void {
  try {
    storage?.setItem(THEME_STORAGE_KEY, pref);
  } catch {
    // Not persisted (quota, privacy mode): the choice still holds for this page.
  }
}

export const resolveTheme = (pref: ThemePref, systemPrefersDark: boolean): Theme =>
  pref === 'system' ? (systemPrefersDark ? 'dark' : 'light') : pref;

/** localStorage, or undefined where reading it throws (storage disabled, a third-party iframe). */
export function browserStorage(): Store | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
