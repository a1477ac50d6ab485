/**
 * Where a pre-flight diagnostic sits in the manifest: the field's range as `parseManifest` recorded
 * it, the key alone (an unknown field is marked at its name), or the first line of a mapping.
 */
import { firstLineOf, rangeOf, type ManifestDocument, type SourceRange } from '../manifest';

/**
 * The range of the field at `path` (key and value), else of its nearest ancestor written in the
 * text, else the whole document. With `text`, a range spanning several lines is cut to its first
 * line, so a mapping is marked at its key rather than underlined to its end.
 */
export function rangeForPath(doc: ManifestDocument, path: string, text?: string): SourceRange {
  const r = rangeOf(doc, path);
  return text === undefined ? r : firstLineOf(r, text);
}

/** The editor text as lines (CRLF read as LF, as parseManifest does). */
export const linesOf = (text: string): string[] => text.replace(/\r\n/g, '\n').split('\n');

/** The last segment of a field path: `spec.containers[0].imagee` → `imagee` (undefined for a list item). */
export const lastKey = (path: string): string | undefined => {
  if (path.endsWith(']')) return undefined;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf(']'));
  return path.slice(cut + 1);
};

/**
 * The range of the key of the field at `path` when the field is written in the text (plain or
 * quoted), else undefined.
 */
export function keyRange(doc: ManifestDocument, path: string, lines: readonly string[]): SourceRange | undefined {
  const r = doc.ranges[path];
  const key = lastKey(path);
  if (!r || key === undefined) return undefined;
  const line = lines[r.startLine - 1] ?? '';
  const at = line.slice(r.startColumn - 1);
  const written = [key, `"${key}"`, `'${key}'`].find((k) => at.startsWith(k));
  if (!written) return undefined;
  return {
    startLine: r.startLine,
    startColumn: r.startColumn,
    endLine: r.startLine,
    endColumn: r.startColumn + written.length,
  };
}

/**
 * The range of a scalar value written on its key's line (`privileged: true` → `true`), else
 * undefined (a value on the next lines, or inside a flow collection that goes on).
 */
export function valueRange(doc: ManifestDocument, path: string, lines: readonly string[]): SourceRange | undefined {
  const r = doc.ranges[path];
  const k = keyRange(doc, path, lines);
  if (!r || !k || r.endLine !== r.startLine) return undefined;
  const line = lines[r.startLine - 1] ?? '';
  const m = /^\s*:\s*/.exec(line.slice(k.endColumn - 1));
  if (!m) return undefined;
  const start = k.endColumn + m[0].length;
  return start < r.endColumn ? { ...r, startColumn: start } : undefined;
}

/** Whether the field at `path` is written in block style (its line is not inside `{...}` or `[...]`). */
export function isBlockStyle(doc: ManifestDocument, path: string, lines: readonly string[]): boolean {
  const r = doc.ranges[path];
  if (!r) return false;
  const before = (lines[r.startLine - 1] ?? '').slice(0, r.startColumn - 1);
  return !/[{[]/.test(before);
}
