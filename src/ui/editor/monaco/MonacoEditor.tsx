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

const MODEL_URI = monaco.Uri.parse('file:///pod.yaml');
const MARKER_OWNER = 'pod-journey';

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
    const model = monaco.editor.getModel(MODEL_URI) ?? monaco.editor.createModel(p.value, 'yaml', MODEL_URI);
    if (model.getValue() !== p.value) model.setValue(p.value);
    const font = getComputedStyle(el);
    const editor = monaco.editor.create(el, {
      model,
      theme: THEME,
      ariaLabel: 'pod.yaml',
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
    const changes = model.onDidChangeContent(() => latest.current.onChange(model.getValue()));

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
