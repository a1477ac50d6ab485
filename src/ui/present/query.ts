/**
 * Present mode lives in the address query (`?present`, the speaker notes window `?notes`), so a teacher
 * can bookmark it; the hash stays the scenario's route. Flags are written bare (`?present`, not
 * `?present=`), and the other parameters (`autoplay=0`, …) keep their order and spelling.
 */

/** Whether the query string (`location.search`) names `flag`, bare or with a value. */
export const hasFlag = (search: string, flag: string): boolean => new URLSearchParams(search).has(flag);

/** The query string with `flag` added (at the end) or removed; `''` when nothing is left. */
export function withFlag(search: string, flag: string, on: boolean): string {
  const params = search
    .replace(/^\?/, '')
    .split('&')
    // Each part read as URLSearchParams reads it (a malformed %-escape does not throw there).
    .filter((p) => p !== '' && !new URLSearchParams(p).has(flag));
  if (on) params.push(flag);
  return params.length > 0 ? `?${params.join('&')}` : '';
}
