import { describe, expect, it } from 'vitest';
import { parseQuantity, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, resourceAmount } from './quantity';

describe('parseQuantity', () => {
  it.each([
    // input, MilliValue(), Value()   (both round up, as apimachinery's do)
    ['100m', 100, 1],
    ['0.5', 500, 1],
    ['2', 2000, 2],
    ['0.1', 100, 1],
    ['1.5', 1500, 2],
    ['250m', 250, 1],
    ['1e3', 1_000_000, 1000],
    ['1k', 1_000_000, 1000],
    ['1M', 1_000_000_000, 1_000_000],
    ['128Mi', 134_217_728_000, 134_217_728],
    ['8Gi', 8_589_934_592_000, 8_589_934_592],
    ['8388608Ki', 8_589_934_592_000, 8_589_934_592],
    ['1u', 1, 1],
    ['+3', 3000, 3],
  ])('%s → %i milli, %i', (input, milli, value) => {
    expect(parseQuantity(input)).toEqual({ ok: true, milli, value });
  });

  it.each([
    ['', QUANTITY_FORMAT_ERROR],
    ['abc', QUANTITY_FORMAT_ERROR],
    ['1 Gi', QUANTITY_FORMAT_ERROR],
    ['1K', QUANTITY_SUFFIX_ERROR],
    ['1Gb', QUANTITY_FORMAT_ERROR],
    ['5e', QUANTITY_SUFFIX_ERROR],
  ])('%j is an error value, not an exception', (input, error) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error });
  });
});

describe('resourceAmount', () => {
  it.each([
    ['cpu', '100m', 100],
    ['cpu', '4', 4000],
    ['memory', '50Mi', 52_428_800],
    ['pods', '110', 110],
    ['memory', 'bogus', 0],
    ['cpu', undefined, 0],
  ])('%s %s → %i', (resource, q, expected) => {
    expect(resourceAmount(resource, q)).toBe(expected);
  });
});
