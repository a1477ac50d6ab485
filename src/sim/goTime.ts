/**
 * Go's `time.Parse(time.RFC3339, s)`, reduced to its error: metav1.Time.UnmarshalJSON decodes a JSON
 * string and parses it so (apimachinery@v0.33.0 pkg/apis/meta/v1 time.go), and a *time.ParseError
 * comes back as it is (Go 1.24 src/time/format.go).
 *
 * Parse first tries parseRFC3339 (format_rfc3339.go), which accepts a subset of what the general
 * `parse` accepts, so whether a value fails and with which text is `parse`'s alone. `parse` walks the
 * layout's chunks (nextStdChunk: "2006" "-" "01" "-" "02" "T" "15" ":" "04" ":" "05" "Z07:00") over the
 * value's bytes; each chunk's literal prefix must follow verbatim (skip), then its element is read.
 */
export const RFC3339 = '2006-01-02T15:04:05Z07:00';

type Bytes = Uint8Array;
const ZERO = 0x30;
const isDigit = (s: Bytes, i: number) => i < s.length && s[i]! >= ZERO && s[i]! <= ZERO + 9;
const text = (s: Bytes) => new TextDecoder().decode(s);

/** format.go quote: every byte below ' ' or outside ASCII as \xNN, `"` and `\` escaped. */
function quote(s: Bytes): string {
  let out = '"';
  for (const b of s) {
    if (b < 0x20 || b >= 0x80) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += b === 0x22 || b === 0x5c ? `\\${String.fromCharCode(b)}` : String.fromCharCode(b);
  }
  return `${out}"`;
}

/** format.go getnum: one or two digits (fixed: exactly two), or errBad (undefined). */
function getnum(s: Bytes, fixed: boolean): [number, Bytes] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [s[0]! - ZERO, s.subarray(1)];
  return [(s[0]! - ZERO) * 10 + (s[1]! - ZERO), s.subarray(2)];
}

const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (month: number, year: number) => (month === 2 && isLeap(year) ? 29 : DAYS_IN[month - 1]!);

/** What an element read: the rest of the value, or errBad, or a range error (`month` out of range). */
type Read = { rest: Bytes } | { bad: true } | { range: string };
interface Clock {
  year: number;
  month: number;
  day: number;
}

/** The element of each chunk (parse's switch on std), filling in the date for the day check. */
const ELEMENTS: readonly (readonly [prefix: string, std: string, read: (v: Bytes, c: Clock) => Read])[] = [
  [
    '',
    '2006', // stdLongYear: four bytes, the first a digit, atoi of all four
    (v, c) => {
      if (v.length < 4 || ![0, 1, 2, 3].every((i) => isDigit(v, i))) return { bad: true };
      c.year = Number(text(v.subarray(0, 4)));
      return { rest: v.subarray(4) };
    },
  ],
  ['-', '01', (v, c) => number(v, true, [1, 12, 'month'], (n) => (c.month = n))],
  ['-', '02', (v, c) => number(v, true, undefined, (n) => (c.day = n))], // checked against the month at the end
  ['T', '15', (v) => number(v, false, [0, 23, 'hour'])],
  [':', '04', (v) => number(v, true, [0, 59, 'minute'])],
  [':', '05', (v) => fractional(number(v, true, [0, 59, 'second']))],
  ['', 'Z07:00', zone],
];

/** getnum, then the range check the element makes on the number it read (`hour out of range`). */
function number(
  v: Bytes,
  fixed: boolean,
  bounds?: readonly [min: number, max: number, what: string],
  keep?: (n: number) => void,
): Read {
  const got = getnum(v, fixed);
  if (!got) return { bad: true };
  keep?.(got[0]);
  if (bounds && (got[0] < bounds[0] || got[0] > bounds[1])) return { range: bounds[2] };
  return { rest: got[1] };
}

/** stdZeroSecond: a `.123` or `,123` after the seconds is read although the layout has none. */
function fractional(read: Read): Read {
  if (!('rest' in read)) return read;
  const v = read.rest;
  if (v.length < 2 || (v[0] !== 0x2e && v[0] !== 0x2c) || !isDigit(v, 1)) return read;
  let n = 2;
  while (isDigit(v, n)) n++;
  return { rest: v.subarray(n) };
}

/** stdISO8601ColonTZ: `Z`, or ±hh:mm with hh at most 24 and mm at most 60. */
function zone(v: Bytes): Read {
  if (v[0] === 0x5a) return { rest: v.subarray(1) };
  if (v.length < 6 || v[3] !== 0x3a) return { bad: true };
  const hour = getnum(v.subarray(1, 3), true);
  const minute = hour && getnum(v.subarray(4, 6), true);
  // the range checks run before the sign's, and a minute's overrides an hour's
  if ((minute?.[0] ?? 0) > 60) return { range: 'time zone offset minute' };
  if ((hour?.[0] ?? 0) > 24) return { range: 'time zone offset hour' };
  if (!minute || (v[0] !== 0x2b && v[0] !== 0x2d)) return { bad: true };
  return { rest: v.subarray(6) };
}

/**
 * The *time.ParseError text of `time.Parse(time.RFC3339, value)`, or undefined when it parses:
 * `parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`.
 */
export function rfc3339ParseError(value: string): string | undefined {
  const whole = new TextEncoder().encode(value);
  const head = `parsing time ${quote(whole)}`;
  const cannot = (rest: Bytes, elem: string) => `${head} as "${RFC3339}": cannot parse ${quote(rest)} as "${elem}"`;
  const clock: Clock = { year: 0, month: 1, day: 1 };
  let rest: Bytes = whole;
  for (const [prefix, std, read] of ELEMENTS) {
    // skip: a one-byte literal here
    if (prefix && rest[0] !== prefix.charCodeAt(0)) return cannot(rest, prefix);
    const hold = prefix ? rest.subarray(1) : rest;
    const got = read(hold, clock);
    if ('range' in got) return `${head}: ${got.range} out of range`;
    if ('bad' in got) return cannot(hold, std);
    rest = got.rest;
  }
  if (rest.length) return `${head}: extra text: ${quote(rest)}`;
  if (clock.day < 1 || clock.day > daysIn(clock.month, clock.year)) return `${head}: day out of range`;
  return undefined;
}
