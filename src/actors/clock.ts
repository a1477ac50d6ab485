/**
 * A deterministic clock for XState. XState schedules every `after` delay and every delayed `sendTo`
 * through `clock.setTimeout`; this clock keeps them in a queue ordered by (due time, insertion) and
 * runs them one at a time, so chained delays replay exactly (XState's SimulatedClock does not catch up
 * on chained delays in one increment) and the run can stop when nothing is pending.
 */
import type { ActorOptions, AnyActorLogic } from 'xstate';

/** XState's clock interface (not exported by name from 'xstate'). */
type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

interface Timer {
  id: number;
  due: number;
  fn: () => void;
}

export class QueueClock implements Clock {
  private nowMs = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.nowMs;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = ++this.seq;
    const due = this.nowMs + Math.max(0, timeout);
    // keep sorted by due, then by id (FIFO for equal due times)
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.due > due) i--;
    this.timers.splice(i, 0, { id, due, fn: () => fn() });
    return id;
  }

  clearTimeout(id: number): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  /** Number of timers waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Due time of the next timer, if any. */
  peek(): number | undefined {
    return this.timers[0]?.due;
  }

  /**
   * Runs timers in order until none is left or the next one is due after `horizonMs`.
   * Returns true if it stopped at the horizon with work still pending.
   * `maxTimers` bounds the work so a faulty machine can never hang the tab.
   */
  runUntilIdle(horizonMs: number, maxTimers = 100_000): boolean {
    let ran = 0;
    while (this.timers.length > 0) {
      const next = this.timers[0]!;
      if (next.due > horizonMs) return true;
      if (++ran > maxTimers) throw new Error(`simulation did not settle after ${maxTimers} timers`);
      this.timers.shift();
      this.nowMs = next.due;
      next.fn();
    }
    return false;
  }
}
