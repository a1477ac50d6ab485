/**
 * A pure function of a text whose results are kept: a run reads the same few texts again and again
 * (quantities like "100m", image references), once per pod on every scheduling cycle. The results
 * are frozen, so a caller that tried to change a shared one would fail loudly. Bounded: past `limit`
 * texts, a new text is computed without being kept.
 */
export function keptPerText<T>(compute: (text: string) => T, limit = 4096): (text: string) => Readonly<T> {
  const kept = new Map<string, Readonly<T>>();
  return (text) => {
    let result = kept.get(text);
    if (result === undefined) {
      result = Object.freeze(compute(text));
      if (kept.size < limit) kept.set(text, result);
    }
    return result;
  };
}
