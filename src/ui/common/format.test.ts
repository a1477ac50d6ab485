import { describe, expect, it } from 'vitest';
import { formatSimTime, formatStepCounter, prettyJson } from './format';

describe('format', () => {
  it.each([
    [0, '0.00 s'],
    [12, '0.01 s'],
    [1420, '1.42 s'],
    [12_746, '12.75 s'],
  ])('simulated %d ms is %s', (ms, text) => {
    expect(formatSimTime(ms)).toBe(text);
  });

  it.each([
    [0, 60, 'Step 1 / 60'],
    [11, 41, 'Step 12 / 41'],
    [0, 0, 'Step 0 / 0'],
  ])('index %d of %d is "%s"', (index, count, text) => {
    expect(formatStepCounter(index, count)).toBe(text);
  });

  it('pretty-prints JSON with two spaces', () => {
    expect(prettyJson({ kind: 'Status', code: 404 })).toBe('{\n  "kind": "Status",\n  "code": 404\n}');
  });
});
