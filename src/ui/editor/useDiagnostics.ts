import { useDeferredValue, useMemo } from 'react';
import type { Diagnostic, PreflightOutcome, ScenarioFile } from '@sim';
import { useJourney } from '../store/store';

const NONE: readonly Diagnostic[] = [];

export interface FileDiagnostics {
  /** Each file's problems, for the editor markers, the tab badges and the line under the editor. */
  byFile: Record<ScenarioFile, readonly Diagnostic[]>;
  /** What the journey would do if the drafts were applied now (once the cluster and kubeconfig are readable). */
  outcome?: PreflightOutcome;
  /** False until the texts have been checked (the simulator is loading and nothing was recorded for them). */
  checked: boolean;
}

/**
 * Texts up to this size are checked in the keystroke's own render (a manifest takes a few
 * milliseconds), so the markers arrive with the character instead of a frame later; longer ones —
 * the default cluster.yaml is 32 KB — from a deferred copy, so typing never waits for the checks.
 */
const CHECK_AT_ONCE_CHARS = 16_000;

function useCheckedText(text: string): string {
  const deferred = useDeferredValue(text);
  return text.length <= CHECK_AT_ONCE_CHARS ? text : deferred;
}

/**
 * The drafts checked as the journey would check them: the cluster and the kubeconfig as the simulator
 * reads them, the manifest against both — from kubectl's reading through admission, validation, the
 * scheduler's filters and the kubelet (none until the engine, which holds the simulator, has loaded).
 * Each file is re-read only when its own text changes.
 */
export function useDiagnostics(drafts: Record<ScenarioFile, string>): FileDiagnostics {
  const manifest = useCheckedText(drafts.manifest);
  const cluster = useCheckedText(drafts.cluster);
  const kubeconfig = useCheckedText(drafts.kubeconfig);
  const engine = useJourney((s) => s.engine);
  const source = useJourney((s) => s.source);
  const recorded = useJourney((s) => s.checks);
  const clusterRead = useMemo(() => engine?.readCluster(cluster), [engine, cluster]);
  const kubeconfigRead = useMemo(
    () => (engine && clusterRead ? engine.readKubeconfig(kubeconfig, clusterRead, source.startTime) : undefined),
    [engine, clusterRead, kubeconfig, source.startTime],
  );
  const check = useMemo(
    () =>
      engine && clusterRead && kubeconfigRead
        ? engine.checkManifest(source, manifest, clusterRead, kubeconfigRead)
        : undefined,
    [engine, source, manifest, clusterRead, kubeconfigRead],
  );
  // Before the simulator has loaded, the journey's own texts show the checks recorded with it.
  const unedited = manifest === source.manifest && cluster === source.cluster && kubeconfig === source.kubeconfig;
  return useMemo(
    () =>
      !engine && recorded && unedited
        ? { ...recorded, checked: true }
        : {
            checked: engine !== undefined,
            byFile: {
              manifest: check?.diagnostics ?? NONE,
              cluster: clusterRead?.diagnostics ?? NONE,
              kubeconfig: kubeconfigRead?.diagnostics ?? NONE,
            },
            ...(check?.outcome ? { outcome: check.outcome } : {}),
          },
    [engine, recorded, unedited, check, clusterRead, kubeconfigRead],
  );
}

export interface Problem {
  diagnostic: Diagnostic;
  /** The lines it covers: the parser may mark one problem at several ranges (each gets a marker). */
  firstLine: number;
  lastLine: number;
}

/** One entry per distinct problem, with the lines of all its ranges, in document order. */
export function distinctProblems(diagnostics: readonly Diagnostic[]): Problem[] {
  const byMessage = new Map<string, Problem>();
  for (const d of diagnostics) {
    const key = `${d.severity}\u0000${d.message}`;
    const seen = byMessage.get(key);
    if (!seen) byMessage.set(key, { diagnostic: d, firstLine: d.range.startLine, lastLine: d.range.endLine });
    else {
      seen.firstLine = Math.min(seen.firstLine, d.range.startLine);
      seen.lastLine = Math.max(seen.lastLine, d.range.endLine);
    }
  }
  return [...byMessage.values()].sort((a, b) => a.firstLine - b.firstLine);
}

export const linesLabel = (p: Problem): string =>
  p.firstLine === p.lastLine ? `Line ${p.firstLine}` : `Lines ${p.firstLine}–${p.lastLine}`;
