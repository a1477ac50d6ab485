import { describe, expect, it } from 'vitest';
import { baseOf, shareSnippets } from './snippets';

describe('shareSnippets', () => {
  it('gives a preset short links, an iframe and the element with its id and step', () => {
    const s = shareSnippets({
      href: 'https://example.org/pod-journey/index.html?autoplay=0#/scenario/image-not-found/step/3',
      stepHash: '#/scenario/image-not-found/step/12',
      startHash: '#/scenario/image-not-found',
      title: 'Image does not exist',
      index: 11,
      playerPages: ['happy-path', 'image-not-found'],
    });
    expect(s).toEqual({
      stepLink: 'https://example.org/pod-journey/index.html#/scenario/image-not-found/step/12',
      scenarioLink: 'https://example.org/pod-journey/index.html#/scenario/image-not-found',
      iframe:
        '<iframe src="https://example.org/pod-journey/embed-image-not-found.html#/scenario/image-not-found/step/12" title="Pod Journey: Image does not exist" width="100%" height="520" style="border:0" loading="lazy"></iframe>',
      element:
        '<script type="module" src="https://example.org/pod-journey/pod-journey.js"></script>\n<pod-journey scenario="image-not-found" step="12"></pod-journey>',
      fileBase: 'pod-journey-image-not-found-step-12',
    });
  });

  it('carries an edited scenario in the link, for the iframe and as the element’s link attribute', () => {
    const s = shareSnippets({
      href: 'http://127.0.0.1:4173/',
      stepHash: '#/s/abc_-9/step/2',
      startHash: '#/s/abc_-9',
      title: 'Happy path',
      index: 1,
      playerPages: ['happy-path'],
    });
    expect(s.stepLink).toBe('http://127.0.0.1:4173/#/s/abc_-9/step/2');
    expect(s.scenarioLink).toBe('http://127.0.0.1:4173/#/s/abc_-9');
    expect(s.iframe).toContain('src="http://127.0.0.1:4173/embed.html#/s/abc_-9/step/2"');
    expect(s.element).toBe(
      '<script type="module" src="http://127.0.0.1:4173/pod-journey.js"></script>\n<pod-journey link="#/s/abc_-9/step/2"></pod-journey>',
    );
    expect(s.fileBase).toBe('pod-journey-edited-step-2');
  });

  it('escapes what goes into an attribute', () => {
    const s = shareSnippets({
      href: 'file:///home/me/site/index.html',
      stepHash: '#/scenario/happy-path',
      startHash: '#/scenario/happy-path',
      title: 'A "quoted" <title> & more',
      index: 0,
      playerPages: [],
    });
    expect(s.iframe).toContain('title="Pod Journey: A &quot;quoted&quot; &lt;title&gt; &amp; more"');
    expect(s.element).toContain('<pod-journey scenario="happy-path"></pod-journey>');
    expect(baseOf('file:///home/me/site/index.html')).toBe('file:///home/me/site/');
  });

  it('a preset without a player page of its own (outside a build) is embedded from embed.html', () => {
    const s = shareSnippets({
      href: 'http://localhost:5173/',
      stepHash: '#/scenario/forbidden',
      startHash: '#/scenario/forbidden',
      title: 'No permission (403)',
      index: 0,
      playerPages: [],
    });
    expect(s.iframe).toContain('src="http://localhost:5173/embed.html#/scenario/forbidden"');
  });
});
