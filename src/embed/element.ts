/**
 * <pod-journey scenario="image-pull-backoff" step="12" autoplay theme="dark" link="#/s/…">: the
 * journey player for any page, built as one small script (pod-journey.js) with no app code in it.
 *
 * It shows the player (beside this script) in an iframe inside its shadow root: a preset's own page,
 * embed-<id>.html, whose first screen is in its HTML, or embed.html for a link or a name that is not a
 * preset's. The iframe keeps the player's styles and scripts isolated from the host page's CSS and
 * Content-Security-Policy, and the host page itself loads only this script; the player loads when it
 * scrolls into view.
 *
 * The element sizes itself to the player's content, re-dispatches the player's events as
 * `pod-journey:ready`, `pod-journey:step` and `pod-journey:finished` (bubbling, composed, the
 * message as `detail`), and has play(), pause() and goto(step) (a 1-based step number).
 */
import presets from 'virtual:recorded-presets';

const PLAYER = new URL(/* @vite-ignore */ 'embed.html', import.meta.url);
const PLAYER_ORIGIN = PLAYER.origin;
/** The player page of a preset, with its first screen prerendered (scripts/prerenderPlugin.ts). */
const presetPlayer = (id: string) => new URL(/* @vite-ignore */ `embed-${id}.html`, import.meta.url);
const EVENTS = ['ready', 'step', 'finished'];
const DEFAULT_HEIGHT = 520;
/** Beyond this a reported height is not believed (the player is a few hundred pixels tall). */
const MAX_HEIGHT = 10_000;

const STYLE = `:host{display:block;min-width:280px}iframe{display:block;width:100%;height:${DEFAULT_HEIGHT}px;border:0;border-radius:10px}`;

type Message = { source?: unknown; type?: unknown; height?: unknown };

class PodJourneyElement extends HTMLElement {
  static observedAttributes = ['scenario', 'step', 'autoplay', 'theme', 'link'];

  #frame?: HTMLIFrameElement;
  #src = '';

  constructor() {
    super();
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.attachShadow({ mode: 'open' }).append(style);
  }

  connectedCallback() {
    window.addEventListener('message', this.#onMessage);
    this.#render();
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.#onMessage);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null) {
    if (!this.isConnected || old === value) return;
    const step = Number(value);
    // A new step of the same journey moves the playhead; anything else loads the player afresh.
    if (name === 'step' && Number.isSafeInteger(step) && step >= 1) this.goto(step);
    else this.#render();
  }

  play() {
    this.#send({ type: 'play' });
  }

  pause() {
    this.#send({ type: 'pause' });
  }

  goto(step: number) {
    this.#send({ type: 'goto', step });
  }

  /** The player's address: the journey in the hash, the options (and this page's origin) in the query. */
  #url(): string {
    const link = this.getAttribute('link');
    const scenario = this.getAttribute('scenario') ?? '';
    const url = new URL(!link?.startsWith('#/') && presets.includes(scenario) ? presetPlayer(scenario) : PLAYER);
    if (this.hasAttribute('autoplay')) url.searchParams.set('autoplay', '1');
    const theme = this.getAttribute('theme');
    if (theme === 'dark' || theme === 'light') url.searchParams.set('theme', theme);
    // The player accepts commands from this origin only (an opaque origin, e.g. file://, names none).
    if (location.origin !== 'null') url.searchParams.set('origin', location.origin);
    const step = Number(this.getAttribute('step'));
    url.hash = link?.startsWith('#/')
      ? link
      : `#/scenario/${encodeURIComponent(scenario)}${Number.isSafeInteger(step) && step >= 1 ? `/step/${step}` : ''}`;
    return url.href;
  }

  #render() {
    const src = this.#url();
    if (this.#frame && src === this.#src) return;
    // A new iframe, not a new src: a change of the hash alone would not reload the player.
    const frame = document.createElement('iframe');
    frame.title = `Pod Journey: ${this.getAttribute('scenario') ?? 'a Pod’s journey'}`;
    frame.loading = 'lazy';
    frame.src = src;
    if (this.#frame) frame.style.height = this.#frame.style.height;
    this.#frame?.replaceWith(frame);
    if (!this.#frame) this.shadowRoot?.append(frame);
    this.#frame = frame;
    this.#src = src;
  }

  #send(command: object) {
    this.#frame?.contentWindow?.postMessage(command, PLAYER_ORIGIN);
  }

  /** Messages of this element's own player only: its window, from the origin this script came from. */
  #onMessage = (event: MessageEvent) => {
    const frame = this.#frame;
    if (!frame || event.source !== frame.contentWindow || event.origin !== PLAYER_ORIGIN) return;
    const data = event.data as Message | null;
    if (typeof data !== 'object' || data === null || data.source !== 'pod-journey') return;
    if (data.type === 'resize') {
      const height = data.height;
      if (typeof height === 'number' && height > 0 && height <= MAX_HEIGHT)
        frame.style.height = `${Math.ceil(height)}px`;
    } else if (typeof data.type === 'string' && EVENTS.includes(data.type)) {
      this.dispatchEvent(new CustomEvent(`pod-journey:${data.type}`, { bubbles: true, composed: true, detail: data }));
    }
  };
}

if (!customElements.get('pod-journey')) customElements.define('pod-journey', PodJourneyElement);
