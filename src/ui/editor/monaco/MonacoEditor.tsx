/**
 * The Monaco editor for the manifest. Loaded only after the person interacts with the preview
 * (its own chunk); created with monaco.editor.create directly, no wrapper library.
 */
import { useEffect, useRef } from 'react';
import type { SourceRange } from '@sim';
import type { MonacoEditorProps } from '../editorProps';
import { registerQuickFixes, setDiagnostics } from './quickFixes';
import { applyPageTheme, monaco, THEME } from './setup';
import './failingLine.css';
import { modelUri } from './yamlLanguage';

declare global {
  interface Window {
    /** The editor instance, for end-to-end tests (STACK-NOTES §6: multi-line edits via executeEdits). */
    __podJourneyEditor?: monaco.editor.IStandaloneCodeEditor;
  }
}

/** One model per file, so switching tabs keeps each file's undo history and view state. */
function modelFor(file: string, fileName: string, value: string): monaco.editor.ITextModel {
  const uri = monaco.Uri.parse(modelUri(file, fileName));
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, 'yaml', uri);
  if (model.getValue() !== value) model.setValue(value);
  return model;
}

/** The failing field of the last run: the whole lines, and a bar in the gutter. */
const failingLine = (r: SourceRange): monaco.editor.IModelDeltaDecoration => ({
  range: new monaco.Range(r.startLine, 1, r.endLine, 1),
  options: {
    isWholeLine: true,
    className: 'failing-line',
    linesDecorationsClassName: 'failing-line-bar',
    hoverMessage: { value: 'The last run failed here.' },
  },
});

export default function MonacoEditor(props: MonacoEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The callbacks change every render; the editor's commands read the latest ones.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const p = latest.current;
    applyPageTheme();
    const model = modelFor(p.file, p.fileName, p.value);
    const font = getComputedStyle(el);
    const editor = monaco.editor.create(el, {
      model,
      theme: THEME,
      ariaLabel: p.fileName,
      fontFamily: font.getPropertyValue('--font-mono').trim(),
      fontSize: parseFloat(font.getPropertyValue('--code-size')),
      lineHeight: parseFloat(font.getPropertyValue('--code-line')),
      lineNumbersMinChars: 2,
      lineDecorationsWidth: 10,
      glyphMargin: false,
      folding: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      padding: { top: 10, bottom: 10 },
      tabSize: 2,
      insertSpaces: true,
      automaticLayout: true,
      fixedOverflowWidgets: true,
      renderLineHighlightOnlyWhenFocus: true,
      scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
    });
    editorRef.current = editor;
    window.__podJourneyEditor = editor;
    registerQuickFixes();

    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onApply());
    // Escape closes Monaco's own widgets first; with none open it leaves the editor (no keyboard trap).
    editor.addCommand(
      monaco.KeyCode.Escape,
      () => latest.current.onLeave(),
      '!findWidgetVisible && !suggestWidgetVisible && !markersNavigationVisible && !editorHasMultipleSelections && !parameterHintsVisible',
    );
    const changes = editor.onDidChangeModelContent(() => {
      const current = editor.getModel();
      if (current) latest.current.onChange(current.getValue());
    });

    const caret = p.initialCaret();
    if (caret && 'anchor' in caret) {
      editor.setSelection(
        new monaco.Selection(caret.anchor.lineNumber, caret.anchor.column, caret.focus.lineNumber, caret.focus.column),
      );
    } else if (caret) {
      editor.setPosition(caret);
    }
    editor.focus();

    // Follow the page theme when the person switches it.
    const themeWatch = new MutationObserver(applyPageTheme);
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

    el.dataset.monacoReady = 'true';
    const frame = requestAnimationFrame(() => latest.current.onReady());
    return () => {
      cancelAnimationFrame(frame);
      themeWatch.disconnect();
      changes.dispose();
      delete el.dataset.monacoReady;
      if (window.__podJourneyEditor === editor) delete window.__podJourneyEditor;
      editor.dispose();
      editorRef.current = null;
    };
  }, []);

  // Another tab picked: show that file's model, with its own undo history and scroll position.
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const current = editor.getModel();
    const next = modelFor(props.file, props.fileName, latest.current.value);
    if (current === next) return;
    if (current) viewStates.current.set(current.uri.toString(), editor.saveViewState());
    editor.setModel(next);
    editor.updateOptions({ ariaLabel: props.fileName });
    const state = viewStates.current.get(next.uri.toString());
    if (state) editor.restoreViewState(state);
  }, [props.file, props.fileName]);

  // The draft can change from outside (Reset, an example, a scenario picked): follow it as one edit on
  // the undo stack, so Ctrl/Cmd+Z brings the person's text back.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === props.value) return;
    editor.pushUndoStop();
    editor.executeEdits('pod-journey', [{ range: model.getFullModelRange(), text: props.value }]);
    editor.pushUndoStop();
  }, [props.value]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    setDiagnostics(model, props.diagnostics);
    // For the keystroke benchmark: which text version the markers on screen belong to.
    editor.getContainerDomNode().dataset.markersVersion = String(model.getVersionId());
  }, [props.diagnostics]);

  const failing = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    failing.current ??= editor.createDecorationsCollection();
    failing.current.set(props.highlight.map(failingLine));
  }, [props.highlight, props.file]);

  // Asked to show a line (a failure clicked in the timeline or the inspector).
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !props.reveal) return;
    const { line, column } = props.reveal;
    editor.revealLineInCenterIfOutsideViewport(line);
    editor.setPosition({ lineNumber: line, column });
    editor.focus();
    latest.current.onDone('reveal');
  }, [props.reveal]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !props.format) return;
    latest.current.onDone('format');
    void editor.getAction('editor.action.formatDocument')?.run();
  }, [props.format]);

  return <div ref={host} className="monaco-host" />;
}
