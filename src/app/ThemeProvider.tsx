import { useLayoutEffect, type ReactNode } from 'react';
import { useJourney, useMediaQuery } from '@ui';
import { applyTheme, SYSTEM_DARK } from './theme';

/** Keeps <html data-theme> in step with the saved preference and, for `system`, the OS setting. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const pref = useJourney((s) => s.themePref);
  const systemDark = useMediaQuery(SYSTEM_DARK);
  useLayoutEffect(() => {
    applyTheme(pref, systemDark);
  }, [pref, systemDark]);
  return children;
}
