import { describe, expect, it } from 'vitest';
import { goQuote } from './fieldErrors';

describe("goQuote: Go's %q (strconv.Quote)", () => {
  it.each([
    ['web', '"web"'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ['a\tb\nc\x07', '"a\\tb\\nc\\a"'],
    ['nul\x00 esc\x1b del\x7f', '"nul\\x00 esc\\x1b del\\x7f"'],
    ['web\u200b', '"web\\u200b"'],
    ['no\u00a0break', '"no\\u00a0break"'],
    ['שלום 🚀 <img>', '"שלום 🚀 <img>"'],
    ['\u{E0001}', '"\\U000e0001"'],
  ])('%j → %s', (input, quoted) => {
    expect(goQuote(input)).toBe(quoted);
  });
});
