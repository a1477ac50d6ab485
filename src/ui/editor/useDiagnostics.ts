import { useDeferredValue, useMemo } from 'react';
import type { Diagnostic } from '@sim';
import { useJourney } from '../store/store';

const NONE: readonly Diagnostic[] = [];

/**
 * The manifest's problems as kubectl would find them reading the file, for the editor markers and
 * the line under the editor (none until the engine, which holds the parser, has loaded). Computed
 * from a deferred copy of the text so typing never waits for the parser.
 */
export function useDiagnostics(text: string, fileName: string): readonly Diagnostic[] {
  const deferred = useDeferredValue(text);
  const diagnose = useJourney((s) => s.engine?.diagnose);
  return useMemo(() => (diagnose ? diagnose(deferred, fileName) : NONE), [diagnose, deferred, fileName]);
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
