import { describe, expect, it } from 'vitest';
import { rfc3339ParseError } from './goTime';

const as = '"2006-01-02T15:04:05Z07:00"';

describe('rfc3339ParseError (Go time.Parse with time.RFC3339)', () => {
  it.each([
    '2024-05-01T10:00:00Z',
    '2024-05-01T10:00:00+02:00',
    '2024-02-29T23:59:59-07:00',
    // parse, unlike the fast path, reads a one-digit hour, a fraction the layout lacks, a 24h offset
    '2024-05-01T9:00:00Z',
    '2024-05-01T10:00:00.123456789123Z',
    '2024-05-01T10:00:00,5Z',
    '2024-05-01T10:00:00+24:00',
  ])('parses %s', (value) => {
    expect(rfc3339ParseError(value)).toBeUndefined();
  });

  it.each([
    ['yesterday', `parsing time "yesterday" as ${as}: cannot parse "yesterday" as "2006"`],
    ['', `parsing time "" as ${as}: cannot parse "" as "2006"`],
    [
      '20x4-05-01T10:00:00Z',
      `parsing time "20x4-05-01T10:00:00Z" as ${as}: cannot parse "20x4-05-01T10:00:00Z" as "2006"`,
    ],
    ['2024-5-01T10:00:00Z', `parsing time "2024-5-01T10:00:00Z" as ${as}: cannot parse "5-01T10:00:00Z" as "01"`],
    ['2024/05/01T10:00:00Z', `parsing time "2024/05/01T10:00:00Z" as ${as}: cannot parse "/05/01T10:00:00Z" as "-"`],
    ['2024-05-01', `parsing time "2024-05-01" as ${as}: cannot parse "" as "T"`],
    ['2024-05-01 10:00:00Z', `parsing time "2024-05-01 10:00:00Z" as ${as}: cannot parse " 10:00:00Z" as "T"`],
    ['2024-05-01T10:00:00', `parsing time "2024-05-01T10:00:00" as ${as}: cannot parse "" as "Z07:00"`],
    ['2024-05-01T10:00:00+0200', `parsing time "2024-05-01T10:00:00+0200" as ${as}: cannot parse "+0200" as "Z07:00"`],
    [
      '2024-05-01T10:00:00 02:00',
      `parsing time "2024-05-01T10:00:00 02:00" as ${as}: cannot parse " 02:00" as "Z07:00"`,
    ],
    ['2024-13-01T10:00:00Z', 'parsing time "2024-13-01T10:00:00Z": month out of range'],
    ['2024-05-01T24:00:00Z', 'parsing time "2024-05-01T24:00:00Z": hour out of range'],
    ['2024-05-01T10:60:00Z', 'parsing time "2024-05-01T10:60:00Z": minute out of range'],
    ['2024-05-01T10:00:60Z', 'parsing time "2024-05-01T10:00:60Z": second out of range'],
    ['2024-05-01T10:00:00+25:00', 'parsing time "2024-05-01T10:00:00+25:00": time zone offset hour out of range'],
    ['2024-05-01T10:00:00+25:61', 'parsing time "2024-05-01T10:00:00+25:61": time zone offset minute out of range'],
    ['2023-02-29T10:00:00Z', 'parsing time "2023-02-29T10:00:00Z": day out of range'],
    ['2024-04-00T10:00:00Z', 'parsing time "2024-04-00T10:00:00Z": day out of range'],
    ['2024-05-01T10:00:00Zulu', 'parsing time "2024-05-01T10:00:00Zulu": extra text: "ulu"'],
    // ParseError quotes with `\"` and writes every byte outside printable ASCII as \xNN
    ['"now"', `parsing time "\\"now\\"" as ${as}: cannot parse "\\"now\\"" as "2006"`],
    ['héute', `parsing time "h\\xc3\\xa9ute" as ${as}: cannot parse "h\\xc3\\xa9ute" as "2006"`],
  ])('%j fails as Go words it', (value, message) => {
    expect(rfc3339ParseError(value)).toBe(message);
  });
});
