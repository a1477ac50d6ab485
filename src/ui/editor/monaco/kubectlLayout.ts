/**
 * kubectl's YAML layout for what the editor writes: 2-space indentation, a list's `- ` at the column of
 * its key (as `kubectl get -o yaml` prints and as the presets are written). The YAML language server
 * (monaco-yaml) formats with Prettier and completes lists one level deeper; these two functions keep
 * the person's text in the layout the rest of the app shows.
 */
import { isCollection, parseAllDocuments } from 'yaml';

const INDENT = 2;
const indentOf = (line: string): number => /^ */.exec(line)?.[0].length ?? 0;

/**
 * A completion's insert text with every list moved to its key's column:
 * `volumes:\n  - name: ` → `volumes:\n- name: ` (Monaco then indents it to the caret's line).
 */
export function kubectlSequences(insertText: string): string {
  const lines = insertText.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const key = lines[i - 1] ?? '';
    const keyIndent = indentOf(key);
    if (!/:\s*$/.test(key) || !/^ *- /.test(lines[i] ?? '') || indentOf(lines[i] ?? '') !== keyIndent + INDENT) {
      continue;
    }
    // The list and everything inside it, up to the next line back at the key's column.
    for (let j = i; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (j > i && line.trim() && indentOf(line) <= keyIndent) break;
      lines[j] = line.slice(Math.min(INDENT, indentOf(line)));
    }
  }
  return lines.join('\n');
}

/**
 * The whole text re-printed in kubectl's layout (every document of a multi-document file, comments
 * kept), or undefined when it does not parse: the editor's diagnostics say why, and nothing moves.
 */
export function formatKubectlYaml(text: string): string | undefined {
  const docs = parseAllDocuments(text);
  if (docs.length === 0) return text; // only comments or blank lines: nothing to re-print
  if (docs.some((d) => d.errors.length > 0)) return undefined;
  return docs
    .map((d) => {
      // A comment written right under a document's last line stays there (the printer would put a
      // blank line before it); one after a blank line keeps that line.
      const end = d.contents?.range?.[2];
      if (d.comment && isCollection(d.contents) && !d.contents.comment && end !== undefined && text[end] === '#') {
        d.contents.comment = d.comment;
        d.comment = null;
      }
      return d.toString({
        indent: INDENT,
        indentSeq: false,
        lineWidth: 0,
        minContentWidth: 0,
        flowCollectionPadding: false,
      });
    })
    .join('');
}
