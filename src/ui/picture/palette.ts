/**
 * The theme's colours and fonts for a standalone picture. A downloaded SVG cannot reach the page's
 * stylesheet, so the values of tokens.css are written into it. They are copied here because the
 * bundler's test runner reads no CSS; palette.test.ts checks every one against tokens.css.
 */
import type { Theme } from '../store/theme';

const FONTS = {
  '--font-sans':
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif",
  '--font-mono': "ui-monospace, 'Liberation Mono', Menlo, Consolas, monospace",
};

const LIGHT = {
  ...FONTS,
  '--surface': '#ffffff',
  '--surface-2': '#f6f8fa',
  '--border': '#d0d7de',
  '--border-strong': '#afb8c1',
  '--text': '#1f2328',
  '--text-muted': '#57606a',
  '--text-faint': '#656d76',
  '--k8s': '#326ce5',
  '--k8s-text': '#2456c7',
  '--k8s-soft': '#eaf1fd',
  '--k8s-border': '#b9cdf5',
  '--on-kind': '#ffffff',
  '--pod': '#c4500a',
  '--pod-text': '#a8430a',
  '--pod-soft': '#fff3e8',
  '--ok': '#187733',
  '--ok-soft': '#e6f4ea',
  '--fail': '#cf222e',
  '--fail-soft': '#ffebe9',
  '--warn': '#9a6700',
  '--c-kubectl': '#8250df',
  '--c-apiserver': '#326ce5',
  '--c-etcd': '#0a7c86',
  '--c-scheduler': '#bf3989',
  '--c-kubelet': '#57606a',
};

export type Token = keyof typeof LIGHT;
export type Palette = Readonly<Record<Token, string>>;

const DARK: Palette = {
  ...FONTS,
  '--surface': '#131920',
  '--surface-2': '#182029',
  '--border': '#2d3742',
  '--border-strong': '#44505e',
  '--text': '#e6edf3',
  '--text-muted': '#a2adb9',
  '--text-faint': '#8b96a3',
  '--k8s': '#4f86f0',
  '--k8s-text': '#8db3ff',
  '--k8s-soft': '#14223a',
  '--k8s-border': '#2b4a80',
  '--on-kind': '#0b0f14',
  '--pod': '#ff9a4d',
  '--pod-text': '#ffae70',
  '--pod-soft': '#2c1c10',
  '--ok': '#3fb950',
  '--ok-soft': '#12261a',
  '--fail': '#ff7b72',
  '--fail-soft': '#2d1516',
  '--warn': '#d29922',
  '--c-kubectl': '#b392f0',
  '--c-apiserver': '#6e9bf5',
  '--c-etcd': '#39c5cf',
  '--c-scheduler': '#ec6cb9',
  '--c-kubelet': '#a2adb9',
};

export const palette = (theme: Theme): Palette => (theme === 'dark' ? DARK : LIGHT);
