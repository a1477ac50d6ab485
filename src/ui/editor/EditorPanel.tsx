import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useJourney } from '../store/store';
import { FileIcon } from '../common/icons';
import { ManifestPreview } from './ManifestPreview';
import { positionFromPoint, selectionIn, type EditorPosition } from './caret';
import type { Diagnostic, DiagnosticSource, PreflightOutcome, ScenarioFile, SourceRange } from '@sim';
import { distinctProblems, linesLabel, useDiagnostics, type Problem } from './useDiagnostics';
import { useEditorRequests } from './requests';
import { useFailureInDraft } from './useFailure';
import { ApplyBar } from './ApplyBar';
import { EditorMenu } from './EditorMenu';
import { EditorNotice } from './EditorNotice';
import './editor.css';
import './journeyMarks.css';

// Monaco is its own chunk, fetched on the first interaction with the manifest (decision 0003).
const MonacoEditor = lazy(() => import('./monaco/MonacoEditor'));

/** What the source of a diagnostic means for the person, per file. */
const WHO: Record<ScenarioFile, Record<DiagnosticSource, string>> = {
  manifest: {
    kubectl: 'kubectl would stop here',
    'kube-apiserver': 'the API server would reject this',
    'kube-scheduler': 'the scheduler would find no node',
    kubelet: 'the kubelet would fail here',
    simulator: 'beyond what this simulator runs',
  },
  cluster: {
    kubectl: 'the cluster cannot be built from this',
    'kube-apiserver': 'the cluster cannot hold this object',
    'kube-scheduler': 'the cluster cannot be built from this',
    kubelet: 'the cluster cannot be built from this',
    simulator: 'the cluster cannot be built from this',
  },
  kubeconfig: {
    kubectl: 'kubectl cannot read this kubeconfig',
    'kube-apiserver': 'kubectl cannot read this kubeconfig',
    'kube-scheduler': 'kubectl cannot read this kubeconfig',
    kubelet: 'kubectl cannot read this kubeconfig',
    simulator: 'kubectl cannot read this kubeconfig',
  },
};

/** The three files, as tabs: the manifest, the cluster's existing objects, and who applies. */
export const FILES: readonly { id: ScenarioFile; label: string; hint: string }[] = [
  { id: 'manifest', label: 'pod.yaml', hint: 'The manifest you apply' },
  {
    id: 'cluster',
    label: 'cluster.yaml',
    hint: 'What the cluster already holds: nodes, namespaces, RBAC, quotas, images',
  },
  { id: 'kubeconfig', label: 'kubeconfig', hint: 'Who applies: ~/.kube/config with its users and contexts' },
];

const NO_PROBLEMS: readonly Diagnostic[] = [];

/** Who would object, as the line under the editor says it: the component and its gate when known. */
const whoObjects = (file: ScenarioFile, d: Diagnostic): string =>
  d.stage ? `${d.source}, ${d.stage}` : WHO[file][d.source];
const NO_RANGES: readonly SourceRange[] = [];

const FORESEEN: Record<PreflightOutcome['verdict'], string> = {
  runs: 'runs',
  rejected: 'rejected',
  unschedulable: 'stays Pending',
  failing: 'fails on its node',
  unreadable: 'not sent',
};

/** What the journey would do if the drafts were applied now, from the same checks as the markers. */
function Foresight({ outcome }: { outcome?: PreflightOutcome }) {
  if (!outcome) return null;
  const text = `${outcome.stage}: ${outcome.message}`;
  return (
    <div className={`editor-foresight verdict-${outcome.verdict}`} data-testid="foresight" title={text}>
      <span className="foresight-lead">If applied now:</span> <b>{FORESEEN[outcome.verdict]}</b>
      <span className="foresight-text">
        {' '}
        — {text}
        {outcome.line !== undefined && ` (line ${outcome.line})`}
      </span>
    </div>
  );
}

/** The line under the editor: the first problem with its lines and who would object, or all clear. */
function Problems({ file, problems, checked }: { file: ScenarioFile; problems: readonly Problem[]; checked: boolean }) {
  const [first, ...rest] = problems;
  return (
    <div className="editor-problems" role="status" aria-live="polite">
      {!checked ? null : first ? (
        <>
          <span
            className={`problem problem-${first.diagnostic.severity}`}
            title={`${linesLabel(first)}, ${whoObjects(file, first.diagnostic)}: ${first.diagnostic.message}`}
          >
            <b>{linesLabel(first)}</b> <span className="problem-who">({whoObjects(file, first.diagnostic)})</span>:{' '}
            {first.diagnostic.message}
          </span>
          {rest.length > 0 && <span className="problem-more">+{rest.length} more (see the markers)</span>}
        </>
      ) : (
        <span className="no-problems">
          {file === 'manifest' ? "No problems found by kubectl's reader" : 'No problems found'}
        </span>
      )}
    </div>
  );
}

/** The tab strip: one tab per file, each with the count of its errors. */
function FileTabs({ errors }: { errors: Record<ScenarioFile, number> }) {
  const active = useJourney((s) => s.activeFile);
  const setActive = useJourney((s) => s.setActiveFile);
  const manifestName = useJourney((s) => s.source.fileName);
  const onKey = (e: KeyboardEvent) => {
    const i = FILES.findIndex((f) => f.id === active);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = FILES[(i + step + FILES.length) % FILES.length];
    if (next) {
      setActive(next.id);
      document.getElementById(`file-tab-${next.id}`)?.focus();
    }
  };
  return (
    <div className="file-tabs" role="tablist" aria-label="Files" onKeyDown={onKey}>
      {FILES.map((f) => (
        <button
          key={f.id}
          id={`file-tab-${f.id}`}
          type="button"
          role="tab"
          aria-selected={active === f.id}
          aria-controls="editor-surface"
          tabIndex={active === f.id ? 0 : -1}
          title={f.hint}
          className="file-tab"
          onClick={() => setActive(f.id)}
        >
          {f.id === 'manifest' ? manifestName : f.label}
          {errors[f.id] > 0 && (
            <span className="file-tab-errors" aria-label={`${errors[f.id]} errors`}>
              {errors[f.id]}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

export function EditorPanel() {
  const file = useJourney((s) => s.activeFile);
  const drafts = useJourney((s) => s.drafts);
  const setDraft = useJourney((s) => s.setDraft);
  const apply = useJourney((s) => s.apply);
  const manifestName = useJourney((s) => s.source.fileName);
  const runError = useJourney((s) => s.runError);
  const applyBlock = useJourney((s) => s.applyBlock);
  const ensureEngine = useJourney((s) => s.ensureEngine);
  const { byFile: all, outcome, checked } = useDiagnostics(drafts);
  const diagnostics = all[file] ?? NO_PROBLEMS;
  const failure = useFailureInDraft();
  const highlight = failure?.file === file ? failure.ranges : NO_RANGES;
  const reveal = useEditorRequests((s) => s.reveal);
  const format = useEditorRequests((s) => s.format);
  const done = useEditorRequests((s) => s.done);
  const formatDocument = useEditorRequests((s) => s.formatDocument);
  const problems = useMemo(() => distinctProblems(diagnostics), [diagnostics]);
  const errors = useMemo(
    () => ({
      manifest: all.manifest.filter((d) => d.severity === 'error').length,
      cluster: all.cluster.filter((d) => d.severity === 'error').length,
      kubeconfig: all.kubeconfig.filter((d) => d.severity === 'error').length,
    }),
    [all],
  );
  const fileName = file === 'manifest' ? manifestName : (FILES.find((f) => f.id === file)?.label ?? file);
  const draft = drafts[file];

  const [phase, setPhase] = useState<'preview' | 'loading' | 'ready'>('preview');
  const caret = useRef<EditorPosition | undefined>(undefined);
  const previewRef = useRef<HTMLDivElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);

  const activate = useCallback((how: { pointer?: { x: number; y: number } }) => {
    if (how.pointer) caret.current = positionFromPoint(how.pointer.x, how.pointer.y);
    setPhase((p) => (p === 'preview' ? 'loading' : p));
  }, []);

  // A line or Format asked for before Monaco has loaded: load it, starting at that line.
  useEffect(() => {
    if (phase !== 'preview' || !(reveal || format)) return;
    if (reveal) caret.current = { lineNumber: reveal.line, column: reveal.column };
    setPhase('loading');
  }, [phase, reveal, format]);

  // Editing needs the simulator's checks: it loads with Monaco.
  useEffect(() => {
    if (phase !== 'preview') void ensureEngine();
  }, [phase, ensureEngine]);

  const initialCaret = () => {
    const root = previewRef.current;
    return (root && selectionIn(root)) || caret.current;
  };

  return (
    <section className="panel editor-panel" aria-labelledby="editor-title">
      <div className="panel-header editor-header">
        <h2 id="editor-title" className="visually-hidden">
          Editor
        </h2>
        <FileTabs errors={errors} />
      </div>
      <div className="editor-toolbar" role="toolbar" aria-label="Editor actions">
        <EditorMenu />
        <button
          type="button"
          className="btn btn-small"
          onClick={formatDocument}
          title="Format the document (Shift+Alt+F in the editor)"
        >
          Format
        </button>
      </div>
      <div className="editor-surface" id="editor-surface" role="tabpanel" aria-label={fileName} data-editor-root>
        {phase !== 'ready' && (
          <span className="editor-state" aria-hidden="true">
            <FileIcon />
            {phase === 'preview' ? 'click to edit' : 'Loading editor…'}
          </span>
        )}
        {phase !== 'preview' && (
          <Suspense fallback={null}>
            <MonacoEditor
              file={file}
              fileName={fileName}
              value={draft}
              diagnostics={diagnostics}
              highlight={highlight}
              reveal={reveal?.file === file ? reveal : undefined}
              format={format}
              onDone={done}
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
            <ManifestPreview text={draft} label={fileName} onActivate={activate} highlight={highlight} />
          </div>
        )}
      </div>
      <EditorNotice />
      <Problems file={file} problems={problems} checked={checked} />
      <Foresight outcome={outcome} />
      {applyBlock && (
        <div className="editor-error" role="alert">
          <b>Not applied:</b> {applyBlock.message}
        </div>
      )}
      {runError && (
        <div className="editor-error" role="alert">
          <b>The simulator failed:</b> {runError}. The previous journey is still shown.
        </div>
      )}
      <ApplyBar ref={applyRef} />
    </section>
  );
}
