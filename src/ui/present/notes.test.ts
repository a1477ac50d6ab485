import { describe, expect, it } from 'vitest';
import { simulate } from '@actors';
import { defaultScenario } from '@scenarios';
import { notesAt, readNotesMessage } from './notes';

const trace = simulate(defaultScenario());
const last = trace.steps.length - 1;

describe('notesAt', () => {
  it('carries the step, its narration and the next step’s title and summary', () => {
    const [first, second] = trace.steps;
    expect(notesAt(trace, 0)).toEqual({
      index: 0,
      count: trace.steps.length,
      title: 'Read pod.yaml: 1 object',
      narration: first!.narration,
      next: { title: second!.title, summary: second!.narration.summary },
    });
  });

  it('has no next step at the last one, and nothing out of range or without a trace', () => {
    expect(notesAt(trace, last)?.next).toBeUndefined();
    expect(notesAt(trace, last)?.title).toBe(trace.steps[last]!.title);
    expect(notesAt(trace, last + 1)).toBeUndefined();
    expect(notesAt(undefined, 0)).toBeUndefined();
  });
});

describe('readNotesMessage', () => {
  it('reads the two messages and ignores anything else', () => {
    expect(readNotesMessage({ type: 'hello', extra: 1 })).toEqual({ type: 'hello' });
    const step = { type: 'step', presetId: 'happy-path', scenarioTitle: 'Happy path', notes: notesAt(trace, 2) };
    expect(readNotesMessage(step)).toBe(step);
    for (const junk of [null, 'hello', 42, {}, { type: 'step', presetId: 1 }, { type: 'goto' }])
      expect(readNotesMessage(junk)).toBeUndefined();
  });
});
