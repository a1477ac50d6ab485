// The colour pairs the stylesheets put text on, checked against WCAG 2.2 AA (4.5:1) in both themes.
// axe checks what is on screen; this also covers what it cannot judge (packets over wires, the pod
// card over the stage, states a test does not reach).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// Read from disk: the test runner turns imported CSS into nothing.
const tokens = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** The custom properties of one rule block (`:root {` or the dark theme's). */
function block(selector: string): Record<string, string> {
  const start = tokens.indexOf(`${selector} {`);
  const body = tokens.slice(start, tokens.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]));
}

const light = block(':root');
const dark = { ...light, ...block(":root[data-theme='dark']") };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const SURFACES = ['--bg', '--surface', '--surface-2', '--surface-3'];
/** [text, backgrounds] as the stylesheets pair them. */
const PAIRS: [string, string[]][] = [
  ['--text', [...SURFACES, '--k8s-soft', '--pod-soft', '--ok-soft', '--fail-soft', '--warn-soft']],
  ['--text-muted', [...SURFACES, '--k8s-soft', '--pod-soft']],
  ['--text-faint', ['--surface', '--surface-2']],
  ['--k8s-text', [...SURFACES, '--k8s-soft']],
  ['--pod-text', ['--pod-soft', '--surface']],
  ['--ok', ['--surface', '--surface-2', '--ok-soft', '--k8s-soft']],
  ['--fail', ['--surface', '--surface-2', '--fail-soft']],
  ['--warn', ['--surface', '--surface-2', '--warn-soft']],
  ['--info', ['--surface', '--surface-2']],
  ['--c-etcd', ['--surface']],
  ['--on-k8s', ['--k8s-solid']],
  ['--on-kind', ['--c-kubectl', '--c-apiserver', '--c-etcd', '--c-scheduler', '--c-kubelet']],
  ['--surface', ['--fail']],
  ['--focus', ['--surface', '--k8s-soft']],
  ...['--syn-key', '--syn-string', '--syn-number', '--syn-keyword', '--syn-comment', '--syn-punct', '--syn-text'].map(
    (t): [string, string[]] => [t, ['--surface']],
  ),
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_, theme) => {
  it('gives every text colour at least 4.5:1 on the backgrounds it sits on', () => {
    const low = PAIRS.flatMap(([fg, bgs]) =>
      bgs
        .map((bg) => ({ pair: `${fg} on ${bg}`, ratio: contrast(theme[fg]!, theme[bg]!) }))
        .filter((p) => !(p.ratio >= 4.5))
        .map((p) => `${p.pair}: ${p.ratio.toFixed(2)}`),
    );
    expect(low).toEqual([]);
  });
});
