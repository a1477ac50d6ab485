import { describe, expect, it } from 'vitest';
import { hashOfPreset, hashOfShared, MAX_PAYLOAD_CHARS, parseRoute, presetIdFromHash } from './route';

describe('scenario route', () => {
  it.each([
    ['#/scenario/happy-path', 'happy-path'],
    ['#/scenario/podsecurity-restricted/', 'podsecurity-restricted'],
    ['#/scenario/image-pull-backoff/step/12', 'image-pull-backoff'],
    ['#/scenario/', undefined],
    ['#/scenario/<script>', undefined],
    ['#/scenario/Happy', undefined],
    ['', undefined],
    ['#/other/happy-path', undefined],
  ])('%s → %s', (hash, id) => expect(presetIdFromHash(hash)).toBe(id));

  it('round-trips, with the step people see (1-based) in the address', () => {
    expect(hashOfPreset('crashloop')).toBe('#/scenario/crashloop');
    expect(hashOfPreset('crashloop', 11)).toBe('#/scenario/crashloop/step/12');
    expect(parseRoute(hashOfPreset('crashloop', 11))).toEqual({ kind: 'preset', presetId: 'crashloop', step: 12 });
    expect(parseRoute(hashOfShared('eJwL', 2))).toEqual({ kind: 'shared', payload: 'eJwL', step: 3 });
    expect(parseRoute('#/s/eJwL')).toEqual({ kind: 'shared', payload: 'eJwL' });
  });

  it('says what is wrong with a journey route it cannot read', () => {
    expect(parseRoute('#/scenario/happy-path/step/0')).toEqual({
      kind: 'invalid',
      why: 'the step "0" is not a step number (1, 2, 3, …).',
    });
    expect(parseRoute('#/scenario/happy-path/step/1e3')).toMatchObject({ kind: 'invalid' });
    expect(parseRoute('#/scenario/happy-path/step/9999999')).toMatchObject({ kind: 'invalid' });
    expect(parseRoute('#/scenario/happy-path/steps/2')).toEqual({
      kind: 'invalid',
      why: 'the part after the scenario ("/steps/2") is not "/step/<number>".',
    });
    expect(parseRoute('#/s/abc<img src=x onerror=alert(1)>')).toEqual({
      kind: 'invalid',
      why: 'it has characters a link made by this page never has (it may have been altered).',
    });
    expect(parseRoute(`#/s/${'A'.repeat(MAX_PAYLOAD_CHARS + 1)}`)).toEqual({
      kind: 'invalid',
      why: 'it is 65,537 characters long; links of up to 65,536 are read.',
    });
    expect(parseRoute('#/s/')).toMatchObject({ kind: 'invalid' });
    expect(parseRoute('#section-2')).toEqual({ kind: 'none' });
  });
});
