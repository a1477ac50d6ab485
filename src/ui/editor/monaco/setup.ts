/**
 * The slim Monaco build: the editor core, the YAML tokenizer, the YAML language service (completion,
 * hover, formatting from the Kubernetes 1.33 schema) and the features a manifest editor needs.
 * See shared design STACK-NOTES §3, docs/decisions/0003-monaco-on-interaction.md and 0004.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
// features/suggest/register does not register the SuggestController in 0.57: no completion without it.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/format/register';
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
import YamlWorker from './yaml.worker?worker';
import { configureYamlLanguage } from './yamlLanguage';

self.MonacoEnvironment = {
  // Both workers are bundled; nothing is fetched from a CDN.
  getWorker: (_moduleId, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};
configureYamlLanguage(monaco);

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
      // The number of the empty line after a final newline: Monaco's default dim grey is below 4.5:1.
      'editorLineNumber.dimmedForeground': c('--text-faint'),
      'editor.lineHighlightBackground': c('--surface-2'),
      'editor.lineHighlightBorder': c('--surface-2'),
      'editorCursor.foreground': c('--text'),
      focusBorder: c('--focus'),
      // The schema's hovers and completion list: the page's raised surface, text and link colours.
      'editorHoverWidget.background': c('--surface'),
      'editorHoverWidget.foreground': c('--text'),
      'editorHoverWidget.border': c('--border-strong'),
      'editorHoverWidget.statusBarBackground': c('--surface-2'),
      'editorSuggestWidget.background': c('--surface'),
      'editorSuggestWidget.foreground': c('--text'),
      'editorSuggestWidget.border': c('--border-strong'),
      'editorSuggestWidget.selectedBackground': c('--surface-3'),
      'editorSuggestWidget.selectedForeground': c('--text'),
      'editorSuggestWidget.highlightForeground': c('--k8s-text'),
      'editorSuggestWidget.focusHighlightForeground': c('--k8s-text'),
      'textLink.foreground': c('--k8s-text'),
      'textLink.activeForeground': c('--k8s-text'),
      'widget.shadow': c('--border'),
    },
  });
  monaco.editor.setTheme(THEME);
}

export { monaco, THEME };
