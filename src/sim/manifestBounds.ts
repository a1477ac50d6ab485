/**
 * The bounds that keep any text the person pastes (manifest, cluster, kubeconfig) from freezing the
 * page, and cheap scans that find where a text crosses them BEFORE the YAML parser sees it: the
 * parser recurses once per nesting level, so a 10,000-deep `[[[…]]]` would exhaust the stack.
 *
 * Real objects are shallow: the deepest Pod fields (an affinity term's
 * `spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchExpressions[0].values[0]`)
 * sit about a dozen mappings and lists deep, a List kind adds two, so 100 levels leave ample room.
 * The parser's time grows with the number of lines and entries (a 1 MiB text of 150,000 one-line
 * entries takes seconds), so lines are bounded too: a Pod is tens of lines, the default cluster about
 * a thousand.
 */
export const MANIFEST_LIMITS = {
  maxBytes: 1024 * 1024,
  maxLines: 10_000,
  maxDocuments: 100,
  maxAliasCount: 100,
  maxDepth: 100,
} as const;

const FREEZE = 'so that no text can freeze the page';

export const boundMessages = {
  bytes: (fileName: string, bytes: number, line: number) =>
    `${fileName} is ${bytes} bytes; this simulator reads at most ${MANIFEST_LIMITS.maxBytes} bytes (1 MiB), ${FREEZE}. Line ${line} crosses the limit.`,
  lines: (fileName: string, count: number) =>
    `${fileName} has ${count} lines; this simulator reads at most ${MANIFEST_LIMITS.maxLines}, ${FREEZE}. Line ${MANIFEST_LIMITS.maxLines + 1} crosses the limit.`,
  documents: (fileName: string, count: number, line: number) =>
    `${fileName} has ${count} documents; this simulator reads at most ${MANIFEST_LIMITS.maxDocuments} in one apply, ${FREEZE}. Document ${MANIFEST_LIMITS.maxDocuments + 1} starts on line ${line}.`,
  depth: (line: number) =>
    `Line ${line} nests mappings and lists more than ${MANIFEST_LIMITS.maxDepth} levels deep; this simulator reads at most ${MANIFEST_LIMITS.maxDepth} levels (a Pod needs about a dozen), ${FREEZE}.`,
  aliases: () =>
    `This document expands its aliases (*name) more than ${MANIFEST_LIMITS.maxAliasCount} times; this simulator stops there, so that an alias bomb ("billion laughs") cannot freeze the page.`,
};

/** The 1-based line on which the UTF-8 size of the text passes `maxBytes`, or undefined when it never does. */
export function lineCrossingBytes(text: string, maxBytes: number): number | undefined {
  const encoder = new TextEncoder();
  let bytes = 0;
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    bytes += encoder.encode(text.slice(start, end)).length;
    if (bytes > maxBytes) return line;
    if (nl < 0) return undefined;
    start = end;
    line++;
  }
  return undefined;
}

interface Open {
  indent: number;
  kind: 'map' | 'seq';
}

/**
 * The first 1-based line on which the text nests mappings and lists more than `maxDepth` deep, found
 * without parsing: block collections are tracked by indentation (as YAML's scanner does, with an
 * indentless sequence ending at its key's column), flow collections by their brackets, skipping quoted
 * scalars, block scalars (`|`, `>`) and comments. Linear in the text; undefined when within the bound.
 */
export function lineTooDeep(text: string, maxDepth: number): number | undefined {
  const lines = text.split('\n');
  let stack: Open[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  /** Lines indented more than this belong to a literal or folded block scalar. */
  let blockScalarAbove: number | undefined;
  const tooDeep = () => stack.length + flow > maxDepth;

  /** Scans from `i` through quoted text and flow brackets; returns the index after them, or -1 when too deep. */
  const scanFlow = (line: string, i: number): number => {
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = undefined;
        }
        if (!quote && flow === 0) return i + 1;
        continue;
      }
      if (flow === 0 && c !== '[' && c !== '{' && c !== '"' && c !== "'") return i;
      if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.length;
      if (c === '"' || c === "'") {
        if (i === 0 || /[\s[{,:]/.test(line[i - 1]!)) quote = c;
      } else if (c === '[' || c === '{') {
        flow++;
        if (tooDeep()) return -1;
      } else if (c === ']' || c === '}') {
        flow = Math.max(0, flow - 1);
        if (flow === 0) return i + 1;
      }
    }
    return i;
  };

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, '');
    if (line.startsWith('---')) {
      // kubectl cuts the documents apart before any YAML is read
      [stack, flow, quote, blockScalarAbove] = [[], 0, undefined, undefined];
      continue;
    }
    if (quote || flow > 0) {
      if (scanFlow(line, 0) < 0) return n + 1;
      continue;
    }
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (content === '' || content.startsWith('#')) continue;
    if (blockScalarAbove !== undefined) {
      if (indent > blockScalarAbove) continue;
      blockScalarAbove = undefined;
    }
    while (stack.length && stack.at(-1)!.indent > indent) stack.pop();
    let i = indent;
    // `- - - x`: each dash opens (or continues) a block sequence at its column
    while (line[i] === '-' && (i + 1 === line.length || /\s/.test(line[i + 1]!))) {
      const top = stack.at(-1);
      if (!(top?.kind === 'seq' && top.indent === i)) stack.push({ indent: i, kind: 'seq' });
      if (tooDeep()) return n + 1;
      i++;
      while (line[i] === ' ') i++;
    }
    // tokens at the start of a node: keys, then a value
    for (let keys = 0; i < line.length && keys < 2;) {
      while (/[&!]/.test(line[i] ?? '')) {
        const space = line.slice(i).search(/\s/);
        if (space < 0) i = line.length;
        else i += space;
        while (line[i] === ' ') i++;
      }
      const c = line[i];
      if (c === undefined || c === '#') break;
      if (c === '|' || c === '>') {
        blockScalarAbove = stack.at(-1)?.indent ?? -1;
        break;
      }
      let end: number;
      if (c === '[' || c === '{' || c === '"' || c === "'") {
        end = scanFlow(line, i);
        if (end < 0) return n + 1;
        if (quote || flow > 0) break;
      } else {
        const colon = /:(\s|$)| #/.exec(line.slice(i));
        if (!colon || colon[0] === ' #') break;
        end = i + colon.index;
      }
      const key = /^\s*:(\s|$)/.exec(line.slice(end));
      if (!key) break;
      // a key at column i: a mapping there (an indentless sequence at that column ends)
      const top = stack.at(-1);
      if (top?.kind === 'seq' && top.indent === i && keys === 0 && i === indent) stack.pop();
      const open = stack.at(-1);
      if (!(open?.kind === 'map' && open.indent === i)) stack.push({ indent: i, kind: 'map' });
      if (tooDeep()) return n + 1;
      i = end + key[0].length;
      while (line[i] === ' ') i++;
      keys++;
    }
  }
  return undefined;
}
