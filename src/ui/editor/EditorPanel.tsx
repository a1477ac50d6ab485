import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useJourney } from '../store/store';
import { FileIcon } from '../common/icons';
import { ManifestPreview } from './ManifestPreview';
import { positionFromPoint, selectionIn, type EditorPosition } from './caret';
import type { DiagnosticSource } from '@sim';
import { distinctProblems, linesLabel, useDiagnostics, type Problem } from './useDiagnostics';
import { ApplyBar } from './ApplyBar';
import './editor.css';

// Monaco is its own chunk, fetched on the first interaction with the manifest (decision 0003).
const MonacoEditor = lazy(() => import('./monaco/MonacoEditor'));

/** What the source of a diagnostic means for the person. */
const WHO: Record<DiagnosticSource, string> = {
  kubectl: 'kubectl would stop here',
  'kube-apiserver': 'the API server would reject this',
  simulator: 'beyond what this simulator runs',
};

/** The line under the editor: the first problem with its lines and who would object, or all clear. */
function Problems({ problems, checked }: { problems: readonly Problem[]; checked: boolean }) {
  const [first, ...rest] = problems;
  return (
    <div className="editor-problems" role="status" aria-live="polite">
      {!checked ? null : first ? (
        <>
          <span className={`problem problem-${first.diagnostic.severity}`}>
            <b>{linesLabel(first)}:</b> {first.diagnostic.message}
            <span className="problem-who"> — {WHO[first.diagnostic.source]}</span>
          </span>
          {rest.length > 0 && <span className="problem-more">+{rest.length} more (see the markers)</span>}
        </>
      ) : (
        <span className="no-problems">No problems found by kubectl's reader</span>
      )}
    </div>
  );
}

export function EditorPanel() {
  const draft = useJourney((s) => s.draft);
  const setDraft = useJourney((s) => s.setDraft);
  const apply = useJourney((s) => s.apply);
  const fileName = useJourney((s) => s.input.fileName);
  const runError = useJourney((s) => s.runError);
  const checked = useJourney((s) => s.engine !== undefined);
  const diagnostics = useDiagnostics(draft, fileName);
  const problems = useMemo(() => distinctProblems(diagnostics), [diagnostics]);

  const [phase, setPhase] = useState<'preview' | 'loading' | 'ready'>('preview');
  const caret = useRef<EditorPosition | undefined>(undefined);
  const previewRef = useRef<HTMLDivElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);

  const activate = useCallback((how: { pointer?: { x: number; y: number } }) => {
    if (how.pointer) caret.current = positionFromPoint(how.pointer.x, how.pointer.y);
    setPhase((p) => (p === 'preview' ? 'loading' : p));
  }, []);

  const initialCaret = () => {
    const root = previewRef.current;
    return (root && selectionIn(root)) || caret.current;
  };

  return (
    <section className="panel editor-panel" aria-labelledby="editor-title">
      <div className="panel-header">
        <FileIcon />
        <h2 id="editor-title" className="editor-title">
          {fileName}
        </h2>
        <span className="editor-state">
          {phase === 'preview' ? 'click to edit' : phase === 'loading' ? 'Loading editor…' : ''}
        </span>
      </div>
      <div className="editor-surface" data-editor-root>
        {phase !== 'preview' && (
          <Suspense fallback={null}>
            <MonacoEditor
              value={draft}
              diagnostics={diagnostics}
              initialCaret={initialCaret}
              onChange={setDraft}
              onApply={apply}
              onLeave={() => applyRef.current?.focus()}
              onReady={() => setPhase('ready')}
            />
          </Suspense>
        )}
        {phase !== 'ready' && (
          <div ref={previewRef} className="preview-layer">
            <ManifestPreview text={draft} onActivate={activate} />
          </div>
        )}
      </div>
      <Problems problems={problems} checked={checked} />
      {runError && (
        <div className="editor-error" role="alert">
          <b>The simulator failed:</b> {runError}. The previous journey is still shown.
        </div>
      )}
      <ApplyBar ref={applyRef} />
    </section>
  );
}
