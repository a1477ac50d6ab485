import { describe, expect, it } from 'vitest';
import { keptPerText } from './keptPerText';

describe('keptPerText', () => {
  it('computes a text once and returns the same frozen result after', () => {
    let calls = 0;
    const length = keptPerText((t) => ({ n: (calls++, t.length) }));
    const first = length('100m');
    expect(length('100m')).toBe(first);
    expect(calls).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => ((first as { n: number }).n = 0)).toThrow(TypeError);
  });

  it('past its bound, computes new texts without keeping them', () => {
    let calls = 0;
    const f = keptPerText((t) => ({ t, call: ++calls }), 2);
    f('a');
    f('b');
    expect(f('c')).not.toBe(f('c'));
    expect(f('a').call).toBe(1);
    expect(calls).toBe(4);
  });
});
