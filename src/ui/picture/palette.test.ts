import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { palette } from './palette';

// Read from disk: the test runner turns imported CSS into nothing.
const tokens = readFileSync(new URL('../styles/tokens.css', import.meta.url), 'utf8');

/** The custom properties of one rule block of tokens.css, whitespace collapsed. */
function block(selector: string): Record<string, string> {
  const start = tokens.indexOf(`${selector} {`);
  const body = tokens.slice(start, tokens.indexOf('}', start)).replace(/\/\*[\s\S]*?\*\//g, '');
  return Object.fromEntries(
    [...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ').trim()]),
  );
}

describe('palette', () => {
  const light = block(':root');
  const dark = { ...light, ...block(":root[data-theme='dark']") };

  it.each([
    ['light', light],
    ['dark', dark],
  ] as const)('carries the %s theme of tokens.css, value for value', (theme, css) => {
    const p = palette(theme);
    for (const [token, value] of Object.entries(p)) expect([token, value]).toEqual([token, css[token]]);
    expect(Object.keys(p)).toHaveLength(27);
  });
});
