import { describe, expect, it } from 'vitest';
import { simulate } from '@actors';
import { defaultScenario } from '@scenarios';
import type { Step, TerminalLine, Trace } from '@sim';
import { terminalText, transcriptOf, transcriptText } from './transcript';

const trace = simulate(defaultScenario());
const entries = transcriptOf(trace);
const last = trace.steps.at(-1)!;

/** The trace with one step replaced (the trace's snapshots are never mutated). */
const withStep = (i: number, change: Partial<Step>): Trace => ({
  ...trace,
  steps: trace.steps.map((s) => (s.index === i ? { ...s, ...change } : s)),
});

describe('transcriptOf', () => {
  it('has one entry per step, numbered as the timeline counts, every field from the step', () => {
    expect(entries.map((e) => e.number)).toEqual(trace.steps.map((s) => s.index + 1));
    expect(entries[0]).toEqual({
      number: 1,
      time: '0.01 s',
      component: 'kubectl',
      place: 'read-manifest',
      outcome: 'ok',
      title: 'Read pod.yaml: 1 object',
      summary: 'kubectl reads pod.yaml and converts its document from YAML to JSON.',
      output: [
        { terminal: 'apply', lines: ['$ kubectl apply -f pod.yaml'] },
        { terminal: 'watch', lines: ['$ kubectl get pods -w'] },
      ],
    });
    expect(entries[2]).toMatchObject({ component: 'kube-apiserver', place: 'authentication', output: [] });
  });

  it('gives each terminal line once, at the step that printed it', () => {
    for (const terminal of ['apply', 'watch'] as const) {
      const printed = entries.flatMap((e) => e.output.filter((o) => o.terminal === terminal).flatMap((o) => o.lines));
      expect(printed).toEqual(last.terminal.filter((l) => l.terminal === terminal).map(terminalText));
    }
  });

  it('counts a redrawn terminal as new in full', () => {
    const redrawn: TerminalLine[] = [{ terminal: 'apply', stream: 'stdout', text: 'cleared' }];
    const entry = transcriptOf(withStep(1, { terminal: redrawn }))[1]!;
    expect(entry.output).toEqual([{ terminal: 'apply', lines: ['cleared'] }]);
  });

  it('carries the horizon note of a step', () => {
    const note = 'The kubelet pulls again in 1m20s; the back-off doubles up to 5m0s.';
    expect(transcriptOf(withStep(last.index, { horizonNote: note })).at(-1)?.note).toBe(note);
    expect(entries.at(-1)?.note).toBeUndefined();
  });
});

describe('transcriptText', () => {
  it('reads as plain text: the heading, the result, then one block per step', () => {
    const text = transcriptText(trace, 'Pod Journey transcript: Happy path');
    const blocks = text.split('\n\n');
    expect(blocks.slice(0, 4)).toEqual([
      'Pod Journey transcript: Happy path',
      `Result: Running: ${trace.result.summary}`,
      [
        '1. Read pod.yaml: 1 object',
        '   t = 0.01 s · kubectl · read-manifest · OK',
        '   kubectl reads pod.yaml and converts its document from YAML to JSON.',
        '   Terminal 1:',
        '     $ kubectl apply -f pod.yaml',
        '   Terminal 2:',
        '     $ kubectl get pods -w',
      ].join('\n'),
      [
        '2. GET pods/example-pod',
        '   t = 0.01 s · kubectl · output · Info',
        '   kubectl apply asks the API server whether pod default/example-pod already exists.',
      ].join('\n'),
    ]);
    expect(blocks).toHaveLength(2 + trace.steps.length);
    expect(text.endsWith('\n')).toBe(true);
  });
});
