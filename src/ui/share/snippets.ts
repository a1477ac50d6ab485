/**
 * What the Share dialog offers to copy: links into the app, the iframe and the <pod-journey> element
 * for a page, and the picture's file name. Pure: the dialog passes the page's address and the hashes
 * from shareHash (store/link.ts).
 */
import { parseRoute } from '../store/route';
import { escapeXml } from '../picture/svg';

export interface ShareInput {
  /** The page's own address (location.href). */
  href: string;
  /** shareHash of the current step, and of the first step. */
  stepHash: string;
  startHash: string;
  /** The scenario's title as the gallery shows it. */
  title: string;
  /** The playhead's step, 0-based. */
  index: number;
  /** The presets with a player page of their own, embed-<id>.html (the build's recorded presets). */
  playerPages: readonly string[];
}

export interface Snippets {
  stepLink: string;
  scenarioLink: string;
  iframe: string;
  element: string;
  /** `pod-journey-<id>-step-<n>` (`edited` for an edited scenario), without the extension. */
  fileBase: string;
}

/** The folder of the page: its address without query, hash and file name, where embed.html and pod-journey.js sit. */
export const baseOf = (href: string): string => new URL('.', href).href;

/** The page itself, without query, with `hash`. */
function pageWith(href: string, hash: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = hash;
  return url.href;
}

const attr = escapeXml;

export function shareSnippets({ href, stepHash, startHash, title, index, playerPages }: ShareInput): Snippets {
  const base = baseOf(href);
  const route = parseRoute(stepHash);
  const preset = route.kind === 'preset' ? route.presetId : undefined;
  const n = index + 1;
  // A preset's own player page has its first screen in its HTML (the player's is embed.html's first preset).
  const player = preset && playerPages.includes(preset) ? `embed-${preset}.html` : 'embed.html';
  const iframe = `<iframe src="${attr(`${base}${player}${stepHash}`)}" title="${attr(`Pod Journey: ${title}`)}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
  // The first step is where the player opens (and the one whose screen is prerendered).
  const journey = preset ? `scenario="${attr(preset)}"${n > 1 ? ` step="${n}"` : ''}` : `link="${attr(stepHash)}"`;
  return {
    stepLink: pageWith(href, stepHash),
    scenarioLink: pageWith(href, startHash),
    iframe,
    element: `<script type="module" src="${attr(`${base}pod-journey.js`)}"></script>\n<pod-journey ${journey}></pod-journey>`,
    fileBase: `pod-journey-${preset ?? 'edited'}-step-${n}`,
  };
}
