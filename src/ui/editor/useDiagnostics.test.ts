import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@sim';
import { distinctProblems, linesLabel } from './useDiagnostics';

const at = (message: string, startLine: number, endLine: number): Diagnostic => ({
  severity: 'error',
  message,
  source: 'kubectl',
  range: { startLine, startColumn: 1, endLine, endColumn: 2 },
});

describe('distinctProblems', () => {
  it('merges the ranges of one problem and keeps document order', () => {
    const yaml = 'yaml: line 5: mapping values are not allowed in this context';
    const problems = distinctProblems([at(yaml, 4, 4), at('later', 9, 9), at(yaml, 4, 5), at(yaml, 5, 5)]);
    expect(problems.map((p) => [p.diagnostic.message, linesLabel(p)])).toEqual([
      [yaml, 'Lines 4–5'],
      ['later', 'Line 9'],
    ]);
  });
  it('has nothing to say about a clean manifest', () => {
    expect(distinctProblems([])).toEqual([]);
  });
});
