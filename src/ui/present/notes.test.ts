import { describe, expect, it } from 'vitest';
import { simulate } from '@actors';
import { defaultScenario } from '@scenarios';
import { notesAt, readNotesMessage } from './notes';
import { forwardsKey } from './usePresentKeys';

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

  it('reads a key forwarded by the notes window, and only a short key name', () => {
    expect(readNotesMessage({ type: 'key', key: 'PageDown', extra: 1 })).toEqual({ type: 'key', key: 'PageDown' });
    for (const junk of [{ type: 'key' }, { type: 'key', key: 7 }, { type: 'key', key: 'x'.repeat(21) }])
      expect(readNotesMessage(junk)).toBeUndefined();
  });
});

describe('forwardsKey', () => {
  it('forwards the playhead, the scenarios and blanking; full screen and leaving stay in their window', () => {
    for (const key of ['PageDown', 'PageUp', 'ArrowRight', ' ', 'Home', 'End', '3', 'b', '.'])
      expect(forwardsKey(key)).toBe(true);
    for (const key of ['f', 'F', 'Escape', '?', 'x', 'Enter']) expect(forwardsKey(key)).toBe(false);
  });
});
