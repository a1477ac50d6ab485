import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iconDataUrl } from './staticSitePlugin';

describe('the icon written into each page', () => {
  const svg = readFileSync('public/favicon.svg', 'utf8');
  const url = iconDataUrl(svg);

  it('is the icon file itself, as an SVG data: URL', () => {
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    const decoded = decodeURIComponent(url.slice('data:image/svg+xml,'.length));
    expect(decoded).toBe(svg.trim().replace(/\n\s*/g, '').replace(/"/g, "'"));
    expect(decoded).toContain('<svg');
    expect(decoded).toContain("fill='#326ce5'");
  });

  it('fits in a double-quoted attribute and cannot end it', () => {
    expect(url).not.toMatch(/["<>#]/);
  });
});
