import { describe, expect, it } from 'vitest';
import { loadThemePref, parseThemePref, resolveTheme, saveThemePref, THEME_STORAGE_KEY } from './theme';

const memory = (initial: Record<string, string> = {}) => {
  const data = { ...initial };
  return { data, getItem: (k: string) => data[k] ?? null, setItem: (k: string, v: string) => void (data[k] = v) };
};

describe('theme preference', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    ['Dark', 'system'],
    ['{"theme":"dark"}', 'system'],
    [null, 'system'],
    [42, 'system'],
  ])('parses %j as %s', (raw, pref) => {
    expect(parseThemePref(raw)).toBe(pref);
  });

  it('round-trips through storage under the versioned key', () => {
    const s = memory();
    saveThemePref(s, 'dark');
    expect(s.data).toEqual({ [THEME_STORAGE_KEY]: 'dark' });
    expect(loadThemePref(s)).toBe('dark');
  });

  it('ignores corrupted values and storage that throws', () => {
    expect(loadThemePref(memory({ [THEME_STORAGE_KEY]: 'purple' }))).toBe('system');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadThemePref(broken)).toBe('system');
    expect(() => saveThemePref(broken, 'light')).not.toThrow();
    expect(loadThemePref(undefined)).toBe('system');
  });

  it.each([
    ['system', true, 'dark'],
    ['system', false, 'light'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ] as const)('%s with a dark system = %s → %s', (pref, dark, theme) => {
    expect(resolveTheme(pref, dark)).toBe(theme);
  });
});
