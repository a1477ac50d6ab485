import { describe, expect, it } from 'vitest';
import { hashOfPreset, presetIdFromHash } from './route';

describe('scenario route', () => {
  it.each([
    ['#/scenario/happy-path', 'happy-path'],
    ['#/scenario/podsecurity-restricted/', 'podsecurity-restricted'],
    ['#/scenario/', undefined],
    ['#/scenario/<script>', undefined],
    ['#/scenario/Happy', undefined],
    ['', undefined],
    ['#/other/happy-path', undefined],
  ])('%s → %s', (hash, id) => expect(presetIdFromHash(hash)).toBe(id));

  it('round-trips', () => expect(presetIdFromHash(hashOfPreset('crashloop'))).toBe('crashloop'));
});
