import { describe, expect, it } from 'vitest';
import { hasFlag, withFlag } from './query';

describe('hasFlag', () => {
  it('finds a bare flag or one with a value, anywhere in the query', () => {
    expect(hasFlag('?present', 'present')).toBe(true);
    expect(hasFlag('?autoplay=0&present', 'present')).toBe(true);
    expect(hasFlag('?present=1', 'present')).toBe(true);
    expect(hasFlag('?presenter', 'present')).toBe(false);
    expect(hasFlag('', 'present')).toBe(false);
  });
});

describe('withFlag', () => {
  it('adds the flag bare at the end, keeping the other parameters as written', () => {
    expect(withFlag('', 'present', true)).toBe('?present');
    expect(withFlag('?autoplay=0', 'present', true)).toBe('?autoplay=0&present');
    expect(withFlag('?a=%20b&c', 'present', true)).toBe('?a=%20b&c&present');
  });

  it('adds it once, and removes every spelling of it', () => {
    expect(withFlag('?present', 'present', true)).toBe('?present');
    expect(withFlag('?present=1&autoplay=0', 'present', false)).toBe('?autoplay=0');
    expect(withFlag('?present&present', 'present', false)).toBe('');
    expect(withFlag('?autoplay=0&present', 'present', false)).toBe('?autoplay=0');
  });

  it('leaves similar names and malformed escapes alone instead of throwing', () => {
    expect(withFlag('?presenter&x=%E0%A4%A', 'present', false)).toBe('?presenter&x=%E0%A4%A');
    expect(withFlag('?present&notes', 'present', false)).toBe('?notes');
  });
});
