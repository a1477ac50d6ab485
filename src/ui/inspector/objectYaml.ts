/**
 * The focus object as `kubectl get -o yaml` prints it, and the lines a step's changes touch.
 *
 * kubectl prints through sigs.k8s.io/yaml (JSON → go-yaml): map keys sorted, sequences not indented
 * under their key, long strings not folded; since v1.21 it hides metadata.managedFields unless
 * --show-managed-fields is given (kubectl pkg/cmd/get/get.go).
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Node } from 'yaml';

export function objectYaml(object: unknown, showManagedFields: boolean): string {
  let value = object;
  if (!showManagedFields && isRecord(object) && isRecord(object.metadata) && 'managedFields' in object.metadata) {
    const { managedFields: _hidden, ...metadata } = object.metadata;
    value = { ...object, metadata };
  }
  return stringify(value, { sortMapEntries: true, indentSeq: false, lineWidth: 0, minContentWidth: 0 });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Splits a field path of the API server's notation (src/sim/diff.ts childPath): `a.b[0].c`,
 * with keys that are not identifiers in brackets: `metadata.annotations[kubectl.kubernetes.io/x]`.
 */
export function parseFieldPath(path: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
    } else if (c === '[') {
      const end = path.indexOf(']', i);
      const stop = end < 0 ? path.length : end;
      out.push(path.slice(i + 1, stop));
      i = stop + 1;
    } else {
      const m = /^[^.[]+/.exec(path.slice(i))!;
      out.push(m[0]);
      i += m[0].length;
    }
  }
  return out;
}

/** The 1-based lines of `yamlText` that show each path's field (key and value); unknown paths give none. */
export function changedLines(yamlText: string, paths: readonly string[]): Set<number> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const lines = new Set<number>();
  for (const path of paths) {
    const span = fieldSpan(doc.contents, parseFieldPath(path));
    if (!span) continue;
    const first = lineCounter.linePos(span[0]).line;
    const last = lineCounter.linePos(Math.max(span[0], span[1] - 1)).line;
    for (let l = first; l <= last; l++) lines.add(l);
  }
  return lines;
}

/** Source offsets [start, end) of the field at `segments` under `node`. */
function fieldSpan(node: unknown, segments: readonly string[]): [number, number] | undefined {
  let current: unknown = node;
  let span: [number, number] | undefined;
  for (const seg of segments) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return undefined;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const start = key.range?.[0];
      const end = value?.range?.[1] ?? key.range?.[1];
      if (start === undefined || end === undefined) return undefined;
      span = [start, end];
      current = value;
    } else if (isSeq(current)) {
      const item = current.items[Number(seg)] as Node | undefined;
      if (!item?.range) return undefined;
      // A sequence item's range starts after its `- `; the indicator is on the same line.
      span = [item.range[0], item.range[1]];
      current = item;
    } else {
      return undefined;
    }
  }
  return span;
}
