import { resolveTheme, type Theme, type ThemePref } from '@ui';

export const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/** Puts the resolved theme on <html> (tokens.css keys its variables on data-theme). */
export function applyTheme(pref: ThemePref, systemDark = window.matchMedia(SYSTEM_DARK).matches): Theme {
  const theme = resolveTheme(pref, systemDark);
  document.documentElement.dataset.theme = theme;
  return theme;
}
