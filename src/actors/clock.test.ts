import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { QueueClock } from './clock';

describe('QueueClock', () => {
  it('runs timers in due order, FIFO for equal times, advancing now()', () => {
    const clock = new QueueClock();
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 20);
    expect(clock.runUntilIdle(1000)).toBe(false);
    expect(seen).toEqual(['a@10', 'b@20', 'c@20']);
    expect(clock.now()).toBe(20);
  });

  it('replays chained XState delays in one run (SimulatedClock.increment does not)', () => {
    const machine = setup({}).createMachine({
      initial: 'a',
      states: { a: { after: { 300: 'b' } }, b: { after: { 400: 'c' } }, c: { after: { 500: 'done' } }, done: {} },
    });
    const clock = new QueueClock();
    const actor = createActor(machine, { clock }).start();
    clock.runUntilIdle(10_000);
    expect(actor.getSnapshot().value).toBe('done');
    expect(clock.now()).toBe(1200);
  });

  it('stops at the horizon and reports pending work', () => {
    const clock = new QueueClock();
    const tick = () => clock.setTimeout(tick, 1000); // an endless back-off loop
    tick();
    expect(clock.runUntilIdle(5_500)).toBe(true);
    expect(clock.now()).toBe(5000);
    expect(clock.pending).toBe(1);
  });

  it('cancels cleared timers', () => {
    const clock = new QueueClock();
    let fired = false;
    const id = clock.setTimeout(() => (fired = true), 5);
    clock.clearTimeout(id);
    clock.runUntilIdle(100);
    expect(fired).toBe(false);
  });
});
