/**
 * The slim Monaco build: the editor core, the YAML tokenizer and the features a manifest editor
 * needs, nothing else (no language workers, no suggest: monaco-yaml and schemas come later).
 * See shared design STACK-NOTES §3 and docs/decisions/0003-monaco-on-interaction.md.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  // Only the core editor worker exists in this build (bundled; nothing is fetched from a CDN).
  getWorker: () => new EditorWorker(),
};

const THEME = 'pod-journey';

/**
 * A CSS custom property of the page as the `#rrggbb` Monaco's theme needs (the stylesheet may hold
 * any CSS colour syntax, and the minifier shortens `#ffffff` to `#fff`): the browser resolves it.
 */
function cssColor(style: CSSStyleDeclaration, name: string): string {
  const probe = document.createElement('span');
  probe.style.color = style.getPropertyValue(name).trim();
  document.body.append(probe);
  const rgb = getComputedStyle(probe)
    .color.match(/\d+(\.\d+)?/g)
    ?.slice(0, 3)
    .map(Number) ?? [0, 0, 0];
  probe.remove();
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Defines and applies the editor theme from the page's CSS variables, so the editor, the static
 * preview and the rest of the page share one palette (tokens.css) in light and dark.
 */
export function applyPageTheme(): void {
  const root = document.documentElement;
  const style = getComputedStyle(root);
  const c = (name: string) => cssColor(style, name);
  const fg = (name: string) => c(name).replace('#', '');
  monaco.editor.defineTheme(THEME, {
    base: root.dataset.theme === 'dark' ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [
      { token: '', foreground: fg('--syn-text') },
      { token: 'type', foreground: fg('--syn-key') },
      { token: 'string', foreground: fg('--syn-string') },
      { token: 'number', foreground: fg('--syn-number') },
      { token: 'keyword', foreground: fg('--syn-keyword') },
      { token: 'comment', foreground: fg('--syn-comment') },
      { token: 'operators', foreground: fg('--syn-punct') },
    ],
    colors: {
      'editor.background': c('--surface'),
      'editor.foreground': c('--syn-text'),
      'editorGutter.background': c('--surface'),
      'editorLineNumber.foreground': c('--text-faint'),
      'editorLineNumber.activeForeground': c('--text'),
      'editor.lineHighlightBackground': c('--surface-2'),
      'editor.lineHighlightBorder': c('--surface-2'),
      'editorCursor.foreground': c('--text'),
      focusBorder: c('--focus'),
    },
  });
  monaco.editor.setTheme(THEME);
}

export { monaco, THEME };
