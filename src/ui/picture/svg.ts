/**
 * Writing SVG as text: escaping for XML, elements from attribute maps, and the text metrics a
 * picture needs without a browser to measure it (estimated widths, ellipsis, word wrapping).
 */

/**
 * Control characters and lone surrogates (and U+FFFE/U+FFFF): XML 1.0 does not allow most of them and
 * an escape cannot carry them, so they are dropped; tab, newline and carriage return stay.
 */
const CONTROL = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu;
const KEPT = new Set(['\t', '\n', '\r']);

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an XML text node or attribute value: names come from user manifests, so `<script>` stays text. */
export const escapeXml = (text: string): string =>
  text.replace(CONTROL, (c) => (KEPT.has(c) ? c : '')).replace(/[&<>"']/g, (c) => ENTITY[c]!);

export type Attrs = Record<string, string | number | undefined>;

const attrText = (attrs: Attrs): string =>
  Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? round(v) : v)}"`)
    .join('');

/** Coordinates with at most one decimal: the picture stays small and its text stable. */
export const round = (v: number): string => String(Math.round(v * 10) / 10);

/** An element; `children` is already SVG text (escape text with `text` or `escapeXml`). */
export const el = (tag: string, attrs: Attrs, children?: string): string =>
  children === undefined ? `<${tag}${attrText(attrs)}/>` : `<${tag}${attrText(attrs)}>${children}</${tag}>`;

/** A <text> element holding `content` as escaped text. */
export const text = (attrs: Attrs, content: string): string => el('text', attrs, escapeXml(content));

/**
 * Estimated advance widths, as a fraction of the font size: a monospace face is 0.6 em per character;
 * for the system sans-serif faces 0.56 em is a little wider than the average, so fitted text does not overflow.
 */
const EM = { sans: 0.56, mono: 0.6 } as const;
export type Face = keyof typeof EM;

export const textWidth = (s: string, size: number, face: Face = 'sans'): number => [...s].length * size * EM[face];

/** `s`, cut with an ellipsis to fit `width`. */
export function fit(s: string, width: number, size: number, face: Face = 'sans'): string {
  const chars = [...s];
  const max = Math.floor(width / (size * EM[face]));
  if (chars.length <= max) return s;
  return max <= 1 ? '…' : `${chars.slice(0, max - 1).join('')}…`;
}

/** `s` broken into lines of at most `width` at spaces (a word longer than a line is cut), at most `maxLines`. */
export function wrap(s: string, width: number, size: number, maxLines: number, face: Face = 'sans'): string[] {
  const max = Math.max(1, Math.floor(width / (size * EM[face])));
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if ([...joined].length <= max) line = joined;
    else {
      if (line) lines.push(line);
      line = [...word].length > max ? fit(word, width, size, face) : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fit(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, width, size, face);
  return kept;
}
