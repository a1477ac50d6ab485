import { useSyncExternalStore } from 'react';
import { useJourney } from '../store/store';
import { THEME_PREFS, type ThemePref } from '../store/theme';
import { MoonIcon, SunIcon, SystemIcon } from '../common/icons';

const LABEL: Record<ThemePref, string> = { light: 'Light theme', dark: 'Dark theme', system: 'System theme' };
const ICON: Record<ThemePref, () => React.JSX.Element> = { light: SunIcon, dark: MoonIcon, system: SystemIcon };

const systemPref = (): ThemePref => 'system';

/** Light / dark / system as a radio group of three icon buttons. */
export function ThemeToggle() {
  // The first screen prerendered at build time has no saved preference, so it shows `system`; the page
  // adopts that HTML as it is and then shows the saved choice (src/app/main.tsx).
  const pref = useSyncExternalStore(useJourney.subscribe, () => useJourney.getState().themePref, systemPref);
  const setPref = useJourney((s) => s.setThemePref);
  return (
    <div className="segmented" role="radiogroup" aria-label="Theme">
      {THEME_PREFS.map((p) => {
        const Glyph = ICON[p];
        return (
          <button
            key={p}
            type="button"
            role="radio"
            aria-checked={pref === p}
            aria-label={LABEL[p]}
            title={LABEL[p]}
            tabIndex={pref === p ? 0 : -1}
            className="segmented-item"
            onClick={() => setPref(p)}
            onKeyDown={(e) => {
              const i = THEME_PREFS.indexOf(p);
              const step =
                e.key === 'ArrowRight' || e.key === 'ArrowDown'
                  ? 1
                  : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
                    ? -1
                    : 0;
              if (!step) return;
              e.preventDefault();
              const nextPref = THEME_PREFS[(i + step + THEME_PREFS.length) % THEME_PREFS.length]!;
              setPref(nextPref);
              (
                e.currentTarget.parentElement?.querySelector(`[aria-label="${LABEL[nextPref]}"]`) as HTMLElement | null
              )?.focus();
            }}
          >
            <Glyph />
          </button>
        );
      })}
    </div>
  );
}
