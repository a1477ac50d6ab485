import { useDeferredValue, useMemo } from 'react';
import type { Diagnostic, ScenarioFile } from '@sim';
import { useJourney } from '../store/store';

const NONE: Record<ScenarioFile, readonly Diagnostic[]> = { manifest: [], cluster: [], kubeconfig: [] };

/**
 * Each file's problems, for the editor markers, the tab badges and the line under the editor: the
 * manifest as kubectl would find them reading it, the cluster and kubeconfig as the simulator reads
 * them (none until the engine, which holds the parsers, has loaded). Computed from a deferred copy of
 * the texts so typing never waits for the parser.
 */
export function useDiagnostics(
  drafts: Record<ScenarioFile, string>,
  fileName: string,
): Record<ScenarioFile, readonly Diagnostic[]> {
  const deferred = useDeferredValue(drafts);
  const diagnose = useJourney((s) => s.engine?.diagnoseFiles);
  const startTime = useJourney((s) => s.source.startTime);
  return useMemo(
    () => (diagnose ? diagnose(deferred, fileName, startTime) : NONE),
    [diagnose, deferred, fileName, startTime],
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
