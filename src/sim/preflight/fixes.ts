/**
 * Quick fixes with exactly one sensible reading: the rename of a misspelt field to the one known
 * sibling a single edit away, and the PodSecurity settings a container lacks.
 */
import type { ManifestDocument, QuickFix, SourceRange } from '../manifest';
import { isBlockStyle, keyRange, lastKey, valueRange } from './ranges';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every name one edit (delete, transpose, replace, insert a letter) from `word`. */
function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [a, b] = [word.slice(0, i), word.slice(i)];
    if (b) out.add(a + b.slice(1));
    if (b.length > 1) out.add(a + b[1]! + b[0]! + b.slice(2));
    for (const c of LETTERS) {
      if (b) out.add(a + c + b.slice(1));
      out.add(a + c + b);
    }
  }
  out.delete(word);
  return out;
}

/** A body with `fields` under `parent` (`spec.containers[0]`), for asking the decoder which it knows. */
function bodyAt(parent: string, fields: Record<string, null>, base: Record<string, unknown>): Record<string, unknown> {
  const segments = [...parent.matchAll(/([^.[\]]+)|\[\d+\]/g)].map((m) => m[1]);
  let value: unknown = fields;
  for (const s of segments.reverse()) value = s === undefined ? [value] : { [s]: value };
  return { ...base, ...(value as Record<string, unknown>) };
}

/**
 * `Rename "imagee" to "image"` when exactly one name a single edit away is a field the decoder knows
 * at the same place. `unknownFields` is the decoder's own check, so no list of names is kept here.
 */
export function renameFix(
  doc: ManifestDocument,
  path: string,
  lines: readonly string[],
  unknownFields: (body: Record<string, unknown>) => string[],
  base: Record<string, unknown>,
): QuickFix[] {
  const key = lastKey(path);
  const range = keyRange(doc, path, lines);
  if (key === undefined || !range) return [];
  const parent = path.slice(0, path.length - key.length).replace(/\.$/, '');
  const candidates = [...oneEditAway(key)];
  const body = bodyAt(parent, Object.fromEntries(candidates.map((c) => [c, null])), base);
  const unknown = new Set(unknownFields(body));
  const known = candidates.filter((c) => !unknown.has(parent ? `${parent}.${c}` : c));
  if (known.length !== 1) return [];
  return [{ title: `Rename "${key}" to "${known[0]!}"`, edits: [{ range, text: known[0]! }] }];
}

/** Replace a scalar written on its key's line: `privileged: true` → `false`. */
export function setValueFix(doc: ManifestDocument, path: string, lines: readonly string[], text: string): QuickFix[] {
  const range = valueRange(doc, path, lines);
  return range ? [{ title: `Set ${lastKey(path)} to ${text}`, edits: [{ range, text }] }] : [];
}

const endOfLine = (line: number, lines: readonly string[]): SourceRange => {
  const col = (lines[line - 1] ?? '').trimEnd().length + 1;
  return { startLine: line, startColumn: col, endLine: line, endColumn: col };
};

/**
 * Inserts `setting` (block YAML lines, relative indentation) into the container's securityContext,
 * creating the mapping after the container's `name:` when it has none. Only in block style: in a
 * flow collection no insertion has one obvious shape.
 */
export function securityContextFix(
  doc: ManifestDocument,
  container: string,
  setting: string[],
  lines: readonly string[],
): QuickFix[] {
  const title = `Add ${setting.map((l) => l.trim()).join(' ')} to securityContext`;
  const scPath = `${container}.securityContext`;
  const sc = doc.ranges[scPath];
  if (sc) {
    const child = Object.keys(doc.ranges).find(
      (p) => p.startsWith(`${scPath}.`) && !p.slice(scPath.length + 1).match(/[.[]/),
    );
    const childRange = child ? doc.ranges[child] : undefined;
    if (!child || !childRange || childRange.startLine === sc.startLine || !isBlockStyle(doc, child, lines)) return [];
    const indent = ' '.repeat(childRange.startColumn - 1);
    const text = setting.map((l) => `\n${indent}${l}`).join('');
    return [{ title, edits: [{ range: endOfLine(sc.startLine, lines), text }] }];
  }
  const name = `${container}.name`;
  const nameRange = doc.ranges[name];
  if (!nameRange || !isBlockStyle(doc, name, lines) || nameRange.endLine !== nameRange.startLine) return [];
  const indent = ' '.repeat(nameRange.startColumn - 1);
  const text = `\n${indent}securityContext:${setting.map((l) => `\n${indent}  ${l}`).join('')}`;
  return [{ title, edits: [{ range: endOfLine(nameRange.startLine, lines), text }] }];
}
