/**
 * What the speaker needs at a step, and the channel that carries it to the speaker notes window. The
 * presenting window sends the notes themselves (not only the step number), so the notes window shows
 * exactly the journey on the projector, an edited scenario too, without simulating anything.
 */
import type { Narration, Trace } from '@sim';

export const CHANNEL_NAME = 'pod-journey-present';

export interface StepNotes {
  /** 0-based step index and the number of steps. */
  index: number;
  count: number;
  title: string;
  narration: Narration;
  /** The step after this one, to prepare the next sentence. */
  next?: { title: string; summary: string };
}

export type NotesMessage =
  /** The notes window has opened and asks for the current step. */
  | { type: 'hello' }
  | { type: 'step'; presetId: string; scenarioTitle: string; notes?: StepNotes }
  /**
   * A key pressed in the notes window, for the presenting window: the teacher's laptop shows the notes
   * and has the focus, so the clicker's keys arrive there.
   */
  | { type: 'key'; key: string };

/** The notes of step `index` of `trace`; undefined when there is no such step. */
export function notesAt(trace: Trace | undefined, index: number): StepNotes | undefined {
  const step = trace?.steps[index];
  if (!trace || !step) return undefined;
  const next = trace.steps[index + 1];
  return {
    index,
    count: trace.steps.length,
    title: step.title,
    narration: step.narration,
    ...(next ? { next: { title: next.title, summary: next.narration.summary } } : {}),
  };
}

/** A message from the channel, or undefined when it is not one of ours (the channel is same-origin only). */
export function readNotesMessage(data: unknown): NotesMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Partial<Record<string, unknown>>;
  if (m.type === 'hello') return { type: 'hello' };
  if (m.type === 'key' && typeof m.key === 'string' && m.key.length <= 20) return { type: 'key', key: m.key };
  if (m.type === 'step' && typeof m.presetId === 'string' && typeof m.scenarioTitle === 'string')
    return data as NotesMessage;
  return undefined;
}

/** The BroadcastChannel, or undefined where the browser has none. */
export const openChannel = (): BroadcastChannel | undefined =>
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL_NAME);
