/**
 * Kubernetes resource quantities (`100m`, `0.5`, `8Gi`, `1e3`, ...), parsed exactly.
 *
 * The scheduler and the kubelet compare cpu in millicores (`Quantity.MilliValue()`) and everything
 * else in whole units (`Quantity.Value()`); both round up, as the Go methods do. Values are computed
 * with BigInt so `0.1` is exactly 100m (floating point would give 100.00000000000001 → 101m).
 *
 * Source: apimachinery@v0.33.0 pkg/api/resource/quantity.go (ParseQuantity, parseQuantityString,
 * MilliValue, Value) and suffix.go (the suffixes below).
 */

import { keptPerText } from './keptPerText';

/** apimachinery pkg/api/resource/quantity.go: ErrFormatWrong. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** apimachinery pkg/api/resource/quantity.go: ErrNumeric. */
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
/** apimachinery pkg/api/resource/quantity.go: ErrSuffix. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export type QuantityResult =
  | { ok: true; /** ceil(value × 1000), as MilliValue() */ milli: number; /** ceil(value), as Value() */ value: number }
  | { ok: false; error: string };

/** suffix.go: binary suffixes are powers of 1024, decimal suffixes powers of 1000. */
const BINARY: Record<string, bigint> = { Ki: 10n, Mi: 20n, Gi: 30n, Ti: 40n, Pi: 50n, Ei: 60n };
const DECIMAL: Record<string, bigint> = { n: -9n, u: -6n, m: -3n, '': 0n, k: 3n, M: 6n, G: 9n, T: 12n, P: 15n, E: 18n };

const SHAPE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/** An exact rational number num / den (den > 0). */
interface Ratio {
  num: bigint;
  den: bigint;
}

function ceilDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den !== 0n && num > 0n ? q + 1n : q;
}

function parseNumber(s: string): Ratio | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(s);
  if (!m) return undefined;
  const [, sign, whole = '', frac = ''] = m;
  if (whole === '' && frac === '') return undefined;
  const digits = BigInt(`${whole}${frac}` || '0');
  return { num: sign === '-' ? -digits : digits, den: 10n ** BigInt(frac.length) };
}

function applySuffix(n: Ratio, suffix: string): Ratio | undefined {
  const bin = BINARY[suffix];
  if (bin !== undefined) return { num: n.num * 2n ** bin, den: n.den };
  const dec = DECIMAL[suffix];
  const exp = dec ?? (/^[eE][-+]?[0-9]+$/.test(suffix) ? BigInt(suffix.slice(1)) : undefined);
  if (exp === undefined) return undefined;
  return exp >= 0n ? { num: n.num * 10n ** exp, den: n.den } : { num: n.num, den: n.den * 10n ** -exp };
}

/** Parses a quantity string. Never throws: a malformed input yields the apimachinery error text. */
export const parseQuantity: (input: string) => QuantityResult = keptPerText(parseText);

function parseText(input: string): QuantityResult {
  const s = input.trim();
  const m = SHAPE.exec(s);
  if (!m) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const n = parseNumber(m[1]!);
  if (!n) return { ok: false, error: QUANTITY_NUMERIC_ERROR };
  const r = applySuffix(n, m[2]!);
  if (!r) return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  return { ok: true, milli: Number(ceilDiv(r.num * 1000n, r.den)), value: Number(ceilDiv(r.num, r.den)) };
}

/**
 * The amount of a named resource in the unit the scheduler compares: millicores for `cpu`, whole
 * units (bytes, pods, devices) for everything else. Malformed quantities count as 0, as a quantity
 * that failed validation never reaches the scheduler.
 */
export function resourceAmount(resource: string, quantity: string | number | undefined): number {
  if (quantity === undefined) return 0;
  const q = parseQuantity(String(quantity));
  if (!q.ok) return 0;
  return resource === 'cpu' ? q.milli : q.value;
}
