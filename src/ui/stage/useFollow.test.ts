import { describe, expect, it } from 'vitest';
import { followTarget } from './useFollow';

const view = { scrollTop: 0, clientHeight: 400, scrollHeight: 1000 };

describe('followTarget', () => {
  it('stays where it is when the whole stage fits', () => {
    expect(
      followTarget({ scrollTop: 0, clientHeight: 800, scrollHeight: 800 }, { top: 700, bottom: 760 }, undefined),
    ).toBe(0);
  });

  it('stays where it is when the followed box is already in view', () => {
    expect(followTarget(view, { top: 100, bottom: 160 }, undefined)).toBe(0);
  });

  it('scrolls down until the box is in view, with its margin', () => {
    expect(followTarget(view, { top: 600, bottom: 660 }, undefined)).toBe(660 + 12 - 400);
  });

  it('scrolls up to a box above the view, with its margin', () => {
    expect(followTarget({ ...view, scrollTop: 500 }, { top: 200, bottom: 260 }, undefined)).toBe(200 - 12);
  });

  it('keeps the second box in view too when both fit', () => {
    expect(followTarget(view, { top: 600, bottom: 660 }, { top: 400, bottom: 500 })).toBe(660 + 12 - 400);
    expect(followTarget({ ...view, scrollTop: 700 }, { top: 600, bottom: 660 }, { top: 400, bottom: 500 })).toBe(
      400 - 12,
    );
  });

  it('follows the first box alone when both do not fit', () => {
    expect(followTarget({ ...view, scrollTop: 700 }, { top: 600, bottom: 660 }, { top: 0, bottom: 60 })).toBe(600 - 12);
  });
});
