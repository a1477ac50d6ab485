/**
 * Reads the editor text the way `kubectl apply -f pod.yaml` does, and keeps source ranges so every
 * problem can be shown where it is.
 *
 * kubectl splits the stream into documents itself (apimachinery@v0.33.0 pkg/util/yaml/decoder.go
 * YAMLReader: a line starting with `---` ends a document; anything but spaces or a comment after it is
 * an error) and converts each document to JSON with sigs.k8s.io/yaml, i.e. go-yaml v2: YAML 1.1
 * scalars (`yes` is true, `0777` is octal), only the first YAML document of a chunk, errors as
 * `yaml: line N: <problem>` with N counted inside that document; the first error ends kubectl before
 * any request (cli-runtime@v0.33.0 pkg/resource/visitor.go StreamVisitor.Visit wraps it as
 * `error parsing <file>: <err>`; kubectl's CheckErr adds `error: `).
 */
import {
  LineCounter,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node,
  type Tags,
  type YAMLError,
} from 'yaml';
import { byteOrder, childPath } from './diff';
import { MANIFEST_LIMITS, boundMessages, lineCrossingBytes, lineTooDeep } from './manifestBounds';
import type { Place } from './trace';

/** 1-based lines and columns; the end column is exclusive (the editor's convention). */
export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * Which component would object to the text: kubectl reading it, kube-apiserver (decode, admission,
 * validation), kube-scheduler (no node fits), a kubelet (image, config, container), or `simulator`
 * when a bound of this simulator is hit.
 */
export type DiagnosticSource = 'kubectl' | 'kube-apiserver' | 'kube-scheduler' | 'kubelet' | 'simulator';

/** One text edit of a quick fix: replace `range` (empty for an insertion) with `text`. */
export interface TextEdit {
  range: SourceRange;
  text: string;
}

/** A fix with exactly one sensible reading, offered as the marker's quick fix. */
export interface QuickFix {
  /** What the fix does, as the editor's light-bulb menu shows it: `Rename "imagee" to "image"`. */
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  source: DiagnosticSource;
  range: SourceRange;
  /** The field the problem is about, when known: `spec.containers[0].image`. */
  path?: string;
  /**
   * The gate inside the component, as the marker names it: `strict decoding (400)`,
   * `validation (422)`, `PodSecurity admission`, `NodeResourcesFit filter`, `image pull`.
   */
  stage?: string;
  /** Where in the journey it would be caught (the trace's Place), so a failed run can point back here. */
  place?: Place;
  fixes?: QuickFix[];
}

export interface ManifestDocument {
  /** 0-based position among the documents kubectl reads (empty documents are skipped, as kubectl does). */
  index: number;
  /** The document as JSON, as kubectl sends it. */
  value: unknown;
  /** Where the document sits in the editor. */
  range: SourceRange;
  /** Field path → source range of the field (key and value). */
  ranges: Readonly<Record<string, SourceRange>>;
}

export interface ParsedManifest {
  documents: ManifestDocument[];
  diagnostics: Diagnostic[];
  /** What kubectl prints on stderr (exit 1) when it cannot read the file; it then sends no request. */
  kubectlError?: string;
  /** A bound of this simulator was hit: nothing is simulated. */
  limitError?: string;
}

export { MANIFEST_LIMITS } from './manifestBounds';

/** A document chunk as kubectl's YAMLReader cuts it, with the editor line of its first line. */
interface Chunk {
  text: string;
  firstLine: number;
  lineCount: number;
}

type Split = { chunks: Chunk[]; lineCount: number; separatorError?: { line: number; trimmed: string } };

/** decoder.go YAMLReader.Read: documents end at lines starting with `---` (only spaces or a comment may follow). */
function splitDocuments(text: string): Split {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop(); // bufio's ReadLine does not report an empty last line
  const chunks: Chunk[] = [];
  let buf: string[] = [];
  let first = 1;
  const flush = (nextFirst: number) => {
    if (buf.length > 0) chunks.push({ text: `${buf.join('\n')}\n`, firstLine: first, lineCount: buf.length });
    buf = [];
    first = nextFirst;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim();
      if (trimmed.length > 0 && !trimmed.startsWith('#'))
        return { chunks, lineCount: lines.length, separatorError: { line: i + 1, trimmed } };
      flush(i + 2);
      continue;
    }
    if (buf.length === 0) first = i + 1;
    buf.push(line);
  }
  flush(lines.length + 1);
  return { chunks, lineCount: lines.length };
}

/**
 * go-yaml v2 resolves YAML 1.1 scalars, but neither timestamps nor base-60 numbers into JSON values,
 * and sigs.k8s.io/yaml has no binary/omap/pairs/set: those stay plain strings, maps and lists.
 */
const KEPT_TAGS = new Set(
  ['map', 'seq', 'str', 'null', 'bool', 'int', 'float', 'merge'].map((t) => `tag:yaml.org,2002:${t}`),
);
const PARSE_OPTIONS = {
  version: '1.1' as const,
  uniqueKeys: false, // go-yaml v2 (non-strict) keeps the last of duplicate keys
  prettyErrors: false,
  customTags: (tags: Tags): Tags =>
    tags.filter((t) => typeof t !== 'string' && KEPT_TAGS.has(t.tag) && t.format !== 'TIME'),
};

/** A go-yaml v2 error for a yaml-library error: its problem text and the line go-yaml reports. */
interface GoYamlError {
  problem: string;
  /** 0 means go-yaml prints no `line N: ` (its marks are 0-based; see parser.fail in go-yaml yaml.go). */
  line: number;
}

/**
 * go-yaml v2 `(*parser).fail`: scanner errors report the 1-based line of the problem, parser errors
 * the 0-based one (the well-known off-by-one), i.e. the line before. The yaml library detects the same
 * problems with its own codes; this maps the common ones to what go-yaml says.
 */
function toGoYaml(err: YAMLError, chunk: Chunk, lc: LineCounter): GoYamlError | undefined {
  const at = err.pos[0];
  const lineOf = (offset: number) => lc.linePos(offset).line;
  /** The line go-yaml's scanner is on when it reaches the end of the document (one past the last line). */
  const endLine = chunk.lineCount + 1;
  const msg = err.message;
  switch (err.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      if (msg.startsWith('A block sequence'))
        return { problem: blockIndentProblem(chunk.text, lineOf(at)), line: lineOf(at) - 1 };
      // go-yaml's scanner stops at the `:` that starts the unexpected nested mapping
      const colon = /:(?=[ \t\n]|$)/g;
      colon.lastIndex = at;
      const m = colon.exec(chunk.text);
      return { problem: 'mapping values are not allowed in this context', line: lineOf(m ? m.index : at) };
    }
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return { problem: 'found character that cannot start any token', line: lineOf(at) };
    case 'BAD_DQ_ESCAPE':
      return { problem: 'found unknown escape character', line: lineOf(at) };
    case 'UNEXPECTED_TOKEN':
      if (msg.includes('block-seq-ind')) return { problem: 'did not find expected key', line: lineOf(at) - 1 };
      if (msg.includes('flow-seq-end') || msg.includes('flow-map-end'))
        return { problem: 'did not find expected node content', line: lineOf(at) - 1 };
      return undefined;
    case 'BAD_INDENT':
      if (msg.startsWith('Flow sequence')) return { problem: "did not find expected ',' or ']'", line: endLine - 1 };
      if (msg.startsWith('Flow map')) return { problem: "did not find expected ',' or '}'", line: endLine - 1 };
      return { problem: blockIndentProblem(chunk.text, lineOf(at)), line: lineOf(at) - 1 };
    case 'MISSING_CHAR':
      if (msg.startsWith('Missing closing')) return { problem: 'found unexpected end of stream', line: endLine };
      if (msg.startsWith('Sequence item without - indicator'))
        return { problem: blockIndentProblem(chunk.text, lineOf(at)), line: lineOf(at) - 1 };
      if (msg.startsWith('Implicit map keys need to be followed by map values')) {
        // the scanner notices at the next token (or at the end of the document)
        const next = /\S/g;
        const nl = chunk.text.indexOf('\n', err.pos[1]);
        next.lastIndex = nl < 0 ? chunk.text.length : nl;
        const m = next.exec(chunk.text);
        return { problem: "could not find expected ':'", line: m ? lineOf(m.index) : endLine };
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The parser error go-yaml v2 reports for a block line indented where no collection can continue:
 * its scanner closes the collections indented deeper than the line and opens a new one, and the
 * parser then finds neither the key a mapping expects (`did not find expected key`) nor the `-` a
 * block sequence expects (`did not find expected '-' indicator`). A sequence written at its key's
 * own indentation (indentless) ends silently, leaving its mapping to complain. The open collections
 * are rebuilt from the well-formed lines before the offending one.
 */
function blockIndentProblem(text: string, line: number): string {
  interface Open {
    indent: number;
    kind: 'map' | 'seq';
    indentless: boolean;
  }
  const stack: Open[] = [];
  const lines = text.split('\n');
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const isKey = (c: string) => /^[^\s#][^#]*?:(\s|$)/.test(c);
  let keyOpen: number | undefined; // indent of a key whose value is on the next lines
  const pop = (indent: number) => {
    while (stack.length && stack.at(-1)!.indent > indent) stack.pop();
  };
  for (let i = 0; i < line - 1; i++) {
    const raw = lines[i] ?? '';
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) continue;
    let indent = indentOf(raw);
    let rest = content;
    pop(indent);
    while (rest === '-' || rest.startsWith('- ')) {
      const top = stack.at(-1);
      if (!(top && top.kind === 'seq' && top.indent === indent)) {
        stack.push({
          indent,
          kind: 'seq',
          indentless: keyOpen === indent && top?.kind === 'map' && top.indent === indent,
        });
      }
      const after = rest.slice(1);
      indent += 1 + (after.length - after.trimStart().length);
      rest = after.trim();
      keyOpen = undefined;
    }
    if (rest && isKey(rest)) {
      const top = stack.at(-1);
      if (top?.kind === 'seq' && top.indentless && top.indent === indent) stack.pop();
      if (!(stack.at(-1)?.kind === 'map' && stack.at(-1)!.indent === indent))
        stack.push({ indent, kind: 'map', indentless: false });
      keyOpen = /:\s*$/.test(rest) ? indent : undefined;
    }
  }
  const indent = indentOf(lines[line - 1] ?? '');
  pop(indent);
  let top = stack.at(-1);
  if (top?.kind === 'seq' && top.indentless && indent > top.indent) {
    stack.pop();
    top = stack.at(-1);
  }
  return top?.kind === 'seq' ? "did not find expected '-' indicator" : 'did not find expected key';
}

const goYamlText = (e: GoYamlError): string => `yaml: ${e.line > 0 ? `line ${e.line}: ` : ''}${e.problem}`;

/** The wrapping kubectl adds around a YAML conversion error. */
const kubectlYamlError = (fileName: string, inner: string): string =>
  `error: error parsing ${fileName}: error converting YAML to JSON: ${inner}`;

function rangeFromOffsets(lc: LineCounter, chunk: Chunk, start: number, end: number): SourceRange {
  while (end > start + 1 && /\s/.test(chunk.text[end - 1] ?? '')) end--; // collections end after their last newline
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  return {
    startLine: a.line + chunk.firstLine - 1,
    startColumn: a.col,
    endLine: b.line + chunk.firstLine - 1,
    endColumn: b.col,
  };
}

/** Where the editor marks an error: at the opening quote of an unterminated string, else at the first character the error points to. */
function markStart(err: YAMLError, text: string): number {
  const quote = /^Missing closing (["'])quote/.exec(err.message);
  if (quote) return Math.max(0, text.lastIndexOf(quote[1]!, err.pos[0] - 1));
  let at = err.pos[0];
  while (text[at] === ' ') at++;
  return text[at] === '\n' || at >= text.length ? err.pos[0] : at;
}

/** Path → range for every field and list item (aliases are not followed). */
function collectRanges(
  node: unknown,
  path: string,
  lc: LineCounter,
  chunk: Chunk,
  out: Record<string, SourceRange>,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const p = childPath(path, key);
      const keyRange = pair.key.range;
      const valueRange = (pair.value as Node | null)?.range;
      if (keyRange) out[p] = rangeFromOffsets(lc, chunk, keyRange[0], valueRange ? valueRange[1] : keyRange[1]);
      collectRanges(pair.value, p, lc, chunk, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const p = childPath(path, i);
      const r = (item as Node | null)?.range;
      if (r) out[p] = rangeFromOffsets(lc, chunk, r[0], r[1]);
      collectRanges(item, p, lc, chunk, out);
    });
  }
}

/**
 * The first key that is a mapping or a list, in go-yaml's decoding order (a key's own content, the
 * key, then its value): such a key cannot become a JSON key, and go-yaml stops there.
 */
function collectionKey(node: unknown): Node | undefined {
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = collectionKey(item);
      if (found) return found;
    }
  }
  if (!isMap(node)) return undefined;
  for (const p of node.items) {
    const found = collectionKey(p.key) ?? (isMap(p.key) || isSeq(p.key) ? p.key : undefined) ?? collectionKey(p.value);
    if (found) return found;
  }
  return undefined;
}

/**
 * Go's `%#v` of a value go-yaml v2 decodes into `interface{}`: `map[interface {}]interface {}{…}`
 * with sorted keys, `[]interface {}{…}`, quoted strings, `interface {}(nil)` for null.
 */
function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (v instanceof Map) {
    const items = [...v.entries()].map(([k, x]) => [goSyntax(k), goSyntax(x)] as const);
    items.sort(([a], [b]) => byteOrder(a, b));
    return `map[interface {}]interface {}{${items.map(([k, x]) => `${k}:${x}`).join(', ')}}`;
  }
  return String(v);
}

/**
 * go-yaml v2's reader accepts only printable characters (reader.go yaml_parser_update_buffer: tab,
 * line feed, carriage return, #x20-#x7E, #x85, #xA0-#xD7FF, #xE000-#xFFFD and above); anything else
 * fails the whole document before it is scanned, with no line.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

/**
 * Keys written twice in one mapping, each with the offsets of its later occurrence. kubectl does not
 * complain: sigs.k8s.io/yaml keeps the last value and the request carries only that, so the server's
 * strict `duplicate field` check never sees it (kubernetes/kubernetes#125885, #89303).
 */
function duplicateKeys(node: unknown, out: { key: string; range: [number, number] }[] = []) {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const p of node.items) {
      if (!isPair(p)) continue;
      if (isScalar(p.key)) {
        const key = String(p.key.value);
        if (seen.has(key) && p.key.range) out.push({ key, range: [p.key.range[0], p.key.range[1]] });
        seen.add(key);
      }
      duplicateKeys(p.value, out);
    }
  } else if (isSeq(node)) for (const item of node.items) duplicateKeys(item, out);
  return out;
}

/**
 * The first number JSON cannot write (YAML 1.1 `.inf`, `-.inf`, `.nan`), in the order json.Marshal
 * meets it: map keys sorted, list items in order.
 */
function unsupportedNumber(v: unknown, path: string): { value: number; path: string } | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : { value: v, path };
  if (Array.isArray(v)) {
    for (const [i, item] of v.entries()) {
      const found = unsupportedNumber(item, childPath(path, i));
      if (found) return found;
    }
  } else if (typeof v === 'object' && v !== null) {
    const obj = v as Record<string, unknown>;
    for (const k of Object.keys(obj).sort(byteOrder)) {
      const found = unsupportedNumber(obj[k], childPath(path, k));
      if (found) return found;
    }
  }
  return undefined;
}

/** The range of the closest field that exists in the document: `spec.containers[0].imagee` → that key. */
export function rangeOf(doc: ManifestDocument, path: string): SourceRange {
  let p = path;
  while (p) {
    const r = doc.ranges[p];
    if (r) return r;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return doc.range;
}

/**
 * The first line of a range, up to the end of that line: where the editor marks a problem with a
 * whole mapping or list (its key line) rather than underlining every line below it.
 */
export function firstLineOf(range: SourceRange, text: string): SourceRange {
  if (range.endLine === range.startLine) return range;
  const line = text.replace(/\r\n/g, '\n').split('\n')[range.startLine - 1] ?? '';
  return { ...range, endLine: range.startLine, endColumn: line.trimEnd().length + 1 };
}

/** The first node nested deeper than `maxDepth` mappings and lists (walked without recursion), if any. */
function tooDeepNode(root: unknown, maxDepth: number): Node | undefined {
  const todo: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const { node, depth } = next;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > maxDepth) return node;
    for (const item of node.items) {
      if (isPair(item)) todo.push({ node: item.value, depth: depth + 1 }, { node: item.key, depth: depth + 1 });
      else todo.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/** A simulator bound hit at one line: nothing is read, the line is marked. */
function boundHit(text: string, line: number, message: string): ParsedManifest {
  const content = text.split('\n', line)[line - 1] ?? '';
  const range = { startLine: line, startColumn: 1, endLine: line, endColumn: content.length + 1 };
  return {
    documents: [],
    diagnostics: [{ severity: 'error', message, source: 'simulator', range }],
    limitError: message,
  };
}

/**
 * The texts parsed last, newest last. The editor's checks, the scenario's build and the run all parse
 * the same texts (and a run parses its manifest again every time it is simulated), so each text is
 * parsed once. A parsed manifest is never changed by its readers; the cache holds a few texts only.
 */
const parsedTexts = new Map<string, ParsedManifest>();
const PARSED_TEXTS_KEPT = 8;

/** Parses the editor text into the documents kubectl would send, with diagnostics. Never throws. */
export function parseManifest(text: string, fileName: string): ParsedManifest {
  const key = `${fileName.length}:${fileName}${text}`;
  let parsed = parsedTexts.get(key);
  if (parsed) parsedTexts.delete(key);
  else parsed = parseText(text, fileName);
  parsedTexts.set(key, parsed);
  if (parsedTexts.size > PARSED_TEXTS_KEPT) parsedTexts.delete(parsedTexts.keys().next().value!);
  return parsed;
}

function parseText(text: string, fileName: string): ParsedManifest {
  const crossing = lineCrossingBytes(text, MANIFEST_LIMITS.maxBytes);
  if (crossing !== undefined) {
    const bytes = new TextEncoder().encode(text).length;
    return boundHit(text, crossing, boundMessages.bytes(fileName, bytes, crossing));
  }

  const split = splitDocuments(text);
  if (split.lineCount > MANIFEST_LIMITS.maxLines)
    return boundHit(text, MANIFEST_LIMITS.maxLines + 1, boundMessages.lines(fileName, split.lineCount));
  const documents: ManifestDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  // kubectl stops at the first problem in the stream; so does the simulator.
  let stop: { kubectlError: string } | { limitError: string } | undefined;
  const fail = (kubectlError: string) => {
    stop ??= { kubectlError };
  };
  const limit = (limitError: string) => {
    stop ??= { limitError };
  };

  const beyond = split.chunks[MANIFEST_LIMITS.maxDocuments];
  if (beyond) {
    const message = boundMessages.documents(fileName, split.chunks.length, beyond.firstLine);
    return boundHit(text, beyond.firstLine, message);
  }
  // the parser recurses once per level: a deep text is refused before it is parsed
  const deepLine = lineTooDeep(text, MANIFEST_LIMITS.maxDepth);
  if (deepLine !== undefined) return boundHit(text, deepLine, boundMessages.depth(deepLine));

  for (const chunk of split.chunks) {
    const lc = new LineCounter();
    const control = CONTROL_CHARACTER.exec(chunk.text);
    if (control) {
      const message = 'yaml: control characters are not allowed';
      lc.addNewLine(0);
      for (let i = chunk.text.indexOf('\n'); i >= 0; i = chunk.text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
      const range = rangeFromOffsets(lc, chunk, control.index, control.index + 1);
      diagnostics.push({ severity: 'error', message, source: 'kubectl', range });
      fail(kubectlYamlError(fileName, message));
      continue;
    }
    const docs = parseAllDocuments(chunk.text, { ...PARSE_OPTIONS, lineCounter: lc }) as Document.Parsed[];
    const doc = docs[0]; // go-yaml's Unmarshal reads only the first document of the chunk
    if (!doc) continue;
    const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
    for (const [i, err] of errors.entries()) {
      const go = toGoYaml(err, chunk, lc);
      const start = markStart(err, chunk.text);
      const range = rangeFromOffsets(lc, chunk, start, Math.max(err.pos[1], start + 1));
      diagnostics.push({ severity: 'error', message: go ? goYamlText(go) : err.message, source: 'kubectl', range });
      if (i > 0) continue;
      if (go) fail(kubectlYamlError(fileName, goYamlText(go)));
      // No known go-yaml wording for this problem: say so rather than invent kubectl's output.
      else
        limit(
          `kubectl rejects this YAML (${err.message}), but this simulator does not know go-yaml's exact message for it.`,
        );
    }
    for (const w of doc.warnings) {
      diagnostics.push({
        severity: 'warning',
        message: w.message,
        source: 'kubectl',
        range: rangeFromOffsets(lc, chunk, w.pos[0], Math.max(w.pos[1], w.pos[0] + 1)),
      });
    }
    if (errors.length > 0) continue;

    const range: SourceRange = {
      startLine: chunk.firstLine,
      startColumn: 1,
      endLine: chunk.firstLine + chunk.lineCount - 1,
      endColumn: 1,
    };
    const badKey = collectionKey(doc.contents);
    if (badKey) {
      // go-yaml v2 decode.go (*decoder).mapping: failf("invalid map key: %#v", k.Interface()), no line
      const message = `yaml: invalid map key: ${goSyntax(badKey.toJS(doc, { mapAsMap: true }))}`;
      const r = badKey.range ?? [0, 1];
      diagnostics.push({
        severity: 'error',
        message,
        source: 'kubectl',
        range: rangeFromOffsets(lc, chunk, r[0], r[1]),
      });
      fail(kubectlYamlError(fileName, message));
      continue;
    }
    for (const d of duplicateKeys(doc.contents)) {
      diagnostics.push({
        severity: 'warning',
        message: `"${d.key}" is written twice in this mapping: kubectl keeps only the last value, without an error (the server never sees the first).`,
        source: 'kubectl',
        range: rangeFromOffsets(lc, chunk, d.range[0], d.range[1]),
      });
    }
    const deep = tooDeepNode(doc.contents, MANIFEST_LIMITS.maxDepth);
    if (deep?.range) {
      const line = lc.linePos(deep.range[0]).line + chunk.firstLine - 1;
      return boundHit(text, line, boundMessages.depth(line));
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MANIFEST_LIMITS.maxAliasCount });
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      const unresolved = /Unresolved alias.*: (.+)$/.exec(text);
      if (unresolved) {
        // go-yaml v2 decode.go: failf("unknown anchor '%s' referenced", ...) (no line)
        const message = `yaml: unknown anchor '${unresolved[1]}' referenced`;
        diagnostics.push({ severity: 'error', message, source: 'kubectl', range });
        fail(kubectlYamlError(fileName, message));
      } else {
        const message = boundMessages.aliases();
        diagnostics.push({ severity: 'error', message, source: 'simulator', range: firstLineOf(range, text) });
        limit(message);
        return { documents, diagnostics, ...stop };
      }
      continue;
    }
    // kubectl skips empty documents (StreamVisitor: len(ext.Raw) == 0 || "null")
    if (value === null || value === undefined) continue;
    const ranges: Record<string, SourceRange> = {};
    collectRanges(doc.contents, '', lc, chunk, ranges);
    const unsupported = unsupportedNumber(value, '');
    if (unsupported) {
      // sigs.k8s.io/yaml yamlToJSONTarget: json.Marshal of the decoded document (encoding/json
      // floatEncoder: UnsupportedValueError, "json: unsupported value: " + strconv.FormatFloat(f, 'g', -1, 64))
      const message = `json: unsupported value: ${Number.isNaN(unsupported.value) ? 'NaN' : unsupported.value > 0 ? '+Inf' : '-Inf'}`;
      diagnostics.push({ severity: 'error', message, source: 'kubectl', range: ranges[unsupported.path] ?? range });
      fail(kubectlYamlError(fileName, message));
      continue;
    }
    documents.push({ index: documents.length, value, range, ranges });
  }

  if (split.separatorError) {
    const { line, trimmed } = split.separatorError;
    const message = `invalid Yaml document separator: ${trimmed}`;
    diagnostics.push({
      severity: 'error',
      message,
      source: 'kubectl',
      range: { startLine: line, startColumn: 1, endLine: line, endColumn: 4 + trimmed.length },
    });
    fail(`error: error parsing ${fileName}: ${message}`);
  }
  return { documents, diagnostics, ...stop };
}
