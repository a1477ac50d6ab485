import { describe, expect, it } from 'vitest';
import { advance, atEnd, next, pause, play, previous, seek, START, STEP_MS, toEnd, type Playhead } from './playhead';

const at = (index: number, progress: number, mode: Playhead['mode']): Playhead => ({ index, progress, mode });

describe('advance', () => {
  it.each<[string, Playhead, number, number, number, Playhead]>([
    ['paused does not move', at(3, 0.5, 'paused'), 100, 1, 10, at(3, 0.5, 'paused')],
    ['a tenth of a step at 1×', at(0, 0, 'playing'), STEP_MS / 10, 1, 10, at(0, 0.1, 'playing')],
    ['4× covers four times the ground', at(0, 0, 'playing'), STEP_MS / 8, 4, 10, at(0, 0.5, 'playing')],
    [
      'crosses into the next step and carries the remainder',
      at(2, 0.9, 'playing'),
      STEP_MS * 0.15,
      1,
      10,
      at(3, 0.05, 'playing'),
    ],
    ['stops at the end of the last step', at(9, 0.9, 'playing'), 200, 1, 10, at(9, 1, 'paused')],
    ['a manual step pauses when its packets arrive', at(4, 0.95, 'stepping'), 200, 1, 10, at(4, 1, 'paused')],
    [
      'a long frame (background tab) moves at most 250 ms',
      at(0, 0, 'playing'),
      60_000,
      1,
      10,
      at(0, 250 / STEP_MS, 'playing'),
    ],
    ['an empty trace stays at the start', at(0, 0, 'playing'), 100, 1, 0, START],
  ])('%s', (_, from, dt, speed, count, expected) => {
    const got = advance(from, dt, speed, count);
    expect(got.index).toBe(expected.index);
    expect(got.progress).toBeCloseTo(expected.progress, 10);
    expect(got.mode).toBe(expected.mode);
  });
});

describe('moves', () => {
  it.each<[string, Playhead, Playhead]>([
    ['play from the middle keeps the place', play(at(5, 0.3, 'paused'), 10), at(5, 0.3, 'playing')],
    ['play at the very end starts over', play(at(9, 1, 'paused'), 10), at(0, 0, 'playing')],
    ['pause keeps the place', pause(at(5, 0.3, 'playing')), at(5, 0.3, 'paused')],
    ['next while paused steps once', next(at(5, 1, 'paused'), 10), at(6, 0, 'stepping')],
    ['next while playing keeps playing', next(at(5, 0.4, 'playing'), 10), at(6, 0, 'playing')],
    ['next on the last step replays it', next(at(9, 1, 'paused'), 10), at(9, 0, 'stepping')],
    ['previous on the first step stays there', previous(at(0, 0.5, 'paused'), 10), at(0, 0, 'stepping')],
    ['previous goes one back', previous(at(4, 1, 'paused'), 10), at(3, 0, 'stepping')],
    ['seek clamps into the trace', seek(at(0, 0, 'paused'), 99, 10), at(9, 0, 'stepping')],
    ['to the end: last step, completed', toEnd(10), at(9, 1, 'paused')],
  ])('%s', (_, got, expected) => {
    expect(got).toEqual(expected);
  });

  it('knows when the playhead is at the end', () => {
    expect(atEnd(at(9, 1, 'paused'), 10)).toBe(true);
    expect(atEnd(at(9, 0.99, 'paused'), 10)).toBe(false);
    expect(atEnd(at(8, 1, 'paused'), 10)).toBe(false);
  });
});
