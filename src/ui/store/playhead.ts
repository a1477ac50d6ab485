/**
 * The playhead: where the person is looking in the trace. A pure value (step index + progress 0..1
 * within that step) and the pure moves on it; the store and the rAF loop only call these.
 *
 * Progress is screen time, not simulated time: every step takes STEP_MS at 1× so a 12 s image pull
 * and a 1 ms admission plugin are both readable. Packets travel from sender (progress 0) to receiver
 * (progress 1).
 */

/** On-screen duration of one step at 1× speed. */
export const STEP_MS = 1400;

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/**
 * `playing` runs to the end of the trace; `stepping` finishes the current step (its packets arrive)
 * and then pauses, which is what a manual step does.
 */
export type PlayMode = 'paused' | 'playing' | 'stepping';

export interface Playhead {
  index: number;
  progress: number;
  mode: PlayMode;
}

/** A frame longer than this (a background tab, a debugger pause) does not skip steps. */
const MAX_FRAME_MS = 250;

export const START: Playhead = { index: 0, progress: 0, mode: 'paused' };

const clampIndex = (index: number, count: number) => Math.min(Math.max(0, Math.trunc(index)), Math.max(0, count - 1));

export const atEnd = (p: Playhead, count: number): boolean => count === 0 || (p.index >= count - 1 && p.progress >= 1);

/** Advances a running playhead by one animation frame of `dtMs` wall time at `speed`. */
export function advance(p: Playhead, dtMs: number, speed: number, count: number): Playhead {
  if (p.mode === 'paused') return p;
  if (count === 0) return START;
  let progress = p.progress + (Math.min(Math.max(0, dtMs), MAX_FRAME_MS) * speed) / STEP_MS;
  let index = p.index;
  if (progress < 1) return { ...p, progress };
  if (p.mode === 'stepping' || index >= count - 1) return { index, progress: 1, mode: 'paused' };
  // Carry the remainder into the next step so the pace stays even across step boundaries.
  while (progress >= 1 && index < count - 1) {
    progress -= 1;
    index += 1;
  }
  return { index, progress: Math.min(progress, 1), mode: 'playing' };
}

/** Play from here; at the very end, play starts over. */
export function play(p: Playhead, count: number): Playhead {
  if (count === 0) return p;
  if (atEnd(p, count)) return { index: 0, progress: 0, mode: 'playing' };
  return { ...p, mode: 'playing' };
}

export const pause = (p: Playhead): Playhead => (p.mode === 'paused' ? p : { ...p, mode: 'paused' });

/**
 * Moves to step `index` and lets that step's packets travel once (then pauses). While playing,
 * play continues from the new step.
 */
export function seek(p: Playhead, index: number, count: number): Playhead {
  if (count === 0) return START;
  return { index: clampIndex(index, count), progress: 0, mode: p.mode === 'playing' ? 'playing' : 'stepping' };
}

export const previous = (p: Playhead, count: number): Playhead => seek(p, p.index - 1, count);

export const next = (p: Playhead, count: number): Playhead => seek(p, p.index + 1, count);

export const toStart = (): Playhead => START;

/** The last step, completed: its packets have arrived and the result is shown. */
export const toEnd = (count: number): Playhead =>
  count === 0 ? START : { index: count - 1, progress: 1, mode: 'paused' };
