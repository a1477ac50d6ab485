/**
 * The markers' quick fixes (the light bulb and Ctrl/Cmd+.): a diagnostic that carries fixes offers
 * them when the caret is on its range. The diagnostics are the project's own (they name the component
 * that rejects), so the provider reads them from a per-model table the editor keeps current.
 */
import 'monaco-editor/features/codeAction/register';
import type { Diagnostic, SourceRange } from '@sim';
import { monaco } from './setup';

export const MARKER_OWNER = 'pod-journey';

/** Each model's current diagnostics, by model URI. */
const current = new Map<string, readonly Diagnostic[]>();

const toRange = (r: SourceRange): monaco.IRange => ({
  startLineNumber: r.startLine,
  startColumn: r.startColumn,
  endLineNumber: r.endLine,
  endColumn: r.endColumn,
});

/** Who objects and at which gate, as the marker's source: `kube-apiserver · strict decoding (400)`. */
export const markerSource = (d: Diagnostic): string => (d.stage ? `${d.source} · ${d.stage}` : d.source);

export function toMarker(d: Diagnostic): monaco.editor.IMarkerData {
  return {
    severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: d.message,
    source: markerSource(d),
    ...toRange(d.range),
  };
}

/** Shows `diagnostics` as the model's markers and remembers them for the quick-fix provider. */
export function setDiagnostics(model: monaco.editor.ITextModel, diagnostics: readonly Diagnostic[]): void {
  current.set(model.uri.toString(), diagnostics);
  monaco.editor.setModelMarkers(model, MARKER_OWNER, diagnostics.map(toMarker));
}

let registered = false;

/** Registers the provider once for the page (every YAML model shares it). */
export function registerQuickFixes(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCodeActionProvider(
    'yaml',
    {
      provideCodeActions(model, range) {
        const diagnostics = current.get(model.uri.toString()) ?? [];
        const actions: monaco.languages.CodeAction[] = [];
        for (const d of diagnostics) {
          if (!d.fixes?.length || !monaco.Range.areIntersectingOrTouching(toRange(d.range), range)) continue;
          for (const fix of d.fixes) {
            actions.push({
              title: fix.title,
              kind: 'quickfix',
              diagnostics: [toMarker(d)],
              isPreferred: d.fixes.length === 1,
              edit: {
                edits: fix.edits.map((e) => ({
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: { range: toRange(e.range), text: e.text },
                })),
              },
            });
          }
        }
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
}
