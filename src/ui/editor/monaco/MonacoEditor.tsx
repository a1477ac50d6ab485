/**
 * The Monaco editor for the manifest. Loaded only after the person interacts with the preview
 * (its own chunk); created with monaco.editor.create directly, no wrapper library.
 */
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '@sim';
import type { MonacoEditorProps } from '../editorProps';
import { applyPageTheme, monaco, THEME } from './setup';

declare global {
  interface Window {
    /** The editor instance, for end-to-end tests (STACK-NOTES §6: multi-line edits via executeEdits). */
    __podJourneyEditor?: monaco.editor.IStandaloneCodeEditor;
  }
}

const MARKER_OWNER = 'pod-journey';

/** One model per file, so switching tabs keeps each file's undo history and view state. */
function modelFor(file: string, fileName: string, value: string): monaco.editor.ITextModel {
  const uri = monaco.Uri.parse(`file:///${file}/${encodeURIComponent(fileName)}`);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, 'yaml', uri);
  if (model.getValue() !== value) model.setValue(value);
  return model;
}

function toMarker(d: Diagnostic): monaco.editor.IMarkerData {
  return {
    severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: d.message,
    source: d.source,
    startLineNumber: d.range.startLine,
    startColumn: d.range.startColumn,
    endLineNumber: d.range.endLine,
    endColumn: d.range.endColumn,
  };
}

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

  // The draft can change from outside (a scenario picked): follow it without touching the undo stack otherwise.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== props.value) model.setValue(props.value);
  }, [props.value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, props.diagnostics.map(toMarker));
  }, [props.diagnostics]);

  return <div ref={host} className="monaco-host" />;
}
