import { useDeferredValue, useMemo } from 'react';
import type { Diagnostic, ScenarioFile } from '@sim';
import { useJourney } from '../store/store';

const NONE: readonly Diagnostic[] = [];

/**
 * Each file's problems, for the editor markers, the tab badges and the line under the editor: the
 * manifest as kubectl would find them reading it, the cluster and kubeconfig as the simulator reads
 * them (none until the engine, which holds the parsers, has loaded). Each file is re-read only when its
 * own text changes, from a deferred copy, so typing never waits for the parser.
 */
export function useDiagnostics(
  drafts: Record<ScenarioFile, string>,
  fileName: string,
): Record<ScenarioFile, readonly Diagnostic[]> {
  const manifest = useDeferredValue(drafts.manifest);
  const cluster = useDeferredValue(drafts.cluster);
  const kubeconfig = useDeferredValue(drafts.kubeconfig);
  const engine = useJourney((s) => s.engine);
  const startTime = useJourney((s) => s.source.startTime);
  const manifestProblems = useMemo(
    () => (engine ? engine.diagnoseManifest(manifest, fileName) : NONE),
    [engine, manifest, fileName],
  );
  const clusterRead = useMemo(() => (engine ? engine.diagnoseCluster(cluster) : undefined), [engine, cluster]);
  const kubeconfigProblems = useMemo(
    () => (engine && clusterRead ? engine.diagnoseKubeconfig(kubeconfig, clusterRead.objects, startTime) : NONE),
    [engine, clusterRead, kubeconfig, startTime],
  );
  return useMemo(
    () => ({
      manifest: manifestProblems,
      cluster: clusterRead?.diagnostics ?? NONE,
      kubeconfig: kubeconfigProblems,
    }),
    [manifestProblems, clusterRead, kubeconfigProblems],
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
