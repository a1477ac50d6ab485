/**
 * A tiny YAML highlighter for the manifest shown before Monaco loads. It follows the token rules of
 * Monaco's YAML tokenizer (monaco-editor languages/definitions/yaml/yaml.js: keys are `type`, plain
 * scalars `string`, true/false/null `keyword`) closely enough that the colours do not change when
 * the editor swaps in. It only colours; it never interprets the document.
 */
export type TokenKind = 'key' | 'string' | 'number' | 'keyword' | 'comment' | 'punct' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '~']);
const NUMBER =
  /^(?:[+-]?[0-9]+(?:\.[0-9]+)?(?:e[-+][1-9][0-9]*)?|0o[0-7]+|0x[0-9a-fA-F]+|[+-]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const KEY = /^(".*?"|'.*?'|[^#'"]*?)([ \t]*)(:)(?= |$)/;

/** A scalar value with an optional trailing comment (` # ...`). */
function scalar(text: string, out: Token[]): void {
  const match = /(^|\s)#/.exec(text);
  const hash = match ? match.index + match[1]!.length : -1;
  const value = hash < 0 ? text : text.slice(0, hash);
  const comment = hash < 0 ? '' : text.slice(hash);
  const trimmed = value.trimEnd();
  const trailing = value.slice(trimmed.length);
  if (trimmed) {
    let kind: TokenKind = 'string';
    if (/^[|>][-+]?\d*$/.test(trimmed) || /^[[\]{},]+$/.test(trimmed)) kind = 'punct';
    else if (KEYWORDS.has(trimmed)) kind = 'keyword';
    else if (NUMBER.test(trimmed)) kind = 'number';
    out.push({ kind, text: trimmed });
  }
  if (trailing) out.push({ kind: 'plain', text: trailing });
  if (comment) out.push({ kind: 'comment', text: comment });
}

export function highlightLine(line: string): Token[] {
  const out: Token[] = [];
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  if (indent) out.push({ kind: 'plain', text: indent });
  let rest = line.slice(indent.length);
  if (rest.startsWith('#')) {
    out.push({ kind: 'comment', text: rest });
    return out;
  }
  if (/^(---|\.\.\.)(\s|$)/.test(rest)) {
    out.push({ kind: 'punct', text: rest.slice(0, 3) });
    rest = rest.slice(3);
    if (rest) scalar(rest, out);
    return out;
  }
  // Sequence entries, possibly nested on one line: `- - a`.
  for (let m = /^-(?= |$)\s*/.exec(rest); m; m = /^-(?= |$)\s*/.exec(rest)) {
    out.push({ kind: 'punct', text: '-' });
    if (m[0].length > 1) out.push({ kind: 'plain', text: m[0].slice(1) });
    rest = rest.slice(m[0].length);
  }
  const key = KEY.exec(rest);
  if (key) {
    out.push({ kind: 'key', text: key[1]! });
    if (key[2]) out.push({ kind: 'plain', text: key[2] });
    out.push({ kind: 'punct', text: ':' });
    rest = rest.slice(key[0].length);
    const space = /^\s*/.exec(rest)?.[0] ?? '';
    if (space) out.push({ kind: 'plain', text: space });
    rest = rest.slice(space.length);
  }
  if (rest) scalar(rest, out);
  return out;
}

export const highlightYaml = (text: string): Token[][] => text.replace(/\r\n/g, '\n').split('\n').map(highlightLine);
