import { describe, expect, it } from 'vitest';
import { el, escapeXml, fit, text, textWidth, wrap } from './svg';

describe('svg text', () => {
  it('escapes the five XML specials and drops what XML cannot carry', () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;',
    );
    expect(escapeXml('a\u0000b\u0007c\td\ne\uFFFEf\uD800g')).toBe('abc\td\nefg');
    expect(escapeXml('pod ✓ 🚀')).toBe('pod ✓ 🚀');
  });

  it('writes elements with escaped attributes and one-decimal numbers, leaving out undefined ones', () => {
    expect(el('rect', { x: 1.26, y: 2, fill: undefined, 'data-x': '"<>' })).toBe(
      '<rect x="1.3" y="2" data-x="&quot;&lt;&gt;"/>',
    );
    expect(text({ x: 0 }, '<b>')).toBe('<text x="0">&lt;b&gt;</text>');
  });

  it('estimates widths and fits text with an ellipsis', () => {
    expect(textWidth('abcd', 10, 'mono')).toBe(24);
    expect(fit('example-pod', 60, 10, 'mono')).toBe('example-p…');
    expect(fit('pod', 60, 10, 'mono')).toBe('pod');
  });

  it('wraps at spaces, cuts over-long words and ends a cut paragraph with an ellipsis', () => {
    expect(wrap('one two three four', 60, 10, 5, 'mono')).toEqual(['one two', 'three four']);
    expect(wrap('abcdefghijklmnop x', 60, 10, 5, 'mono')).toEqual(['abcdefghi…', 'x']);
    expect(wrap('one two three four five', 60, 10, 2, 'mono')).toEqual(['one two', 'three fou…']);
  });
});
