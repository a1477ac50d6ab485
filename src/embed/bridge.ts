/**
 * The player's postMessage API for the page that frames it.
 *
 * Out (to window.parent, only when framed): `ready` (the journey is loaded), `step` (the playhead moved
 * to another step), `finished` (the playhead reached the end), `resize` (the content height changed).
 * They carry no private data (a preset's id, step numbers and titles, an outcome, a height), so without
 * a known origin they may go to '*'; with `?origin=` they go to that origin only.
 *
 * In: `play`, `pause`, `goto` (a 1-based step number). Commands are taken only from window.parent and,
 * when `?origin=` names it, only from that exact origin; anything malformed is ignored.
 */
import type { JourneyState, useJourney } from '@ui';
import type { Trace } from '@sim';

export const SOURCE = 'pod-journey';

export type EmbedEvent =
  | { source: typeof SOURCE; type: 'ready'; steps: number; scenario: string }
  | { source: typeof SOURCE; type: 'step'; index: number; step: number; title: string }
  | { source: typeof SOURCE; type: 'finished'; outcome: Trace['result']['outcome'] }
  | { source: typeof SOURCE; type: 'resize'; height: number };

export type EmbedCommand = { type: 'play' } | { type: 'pause' } | { type: 'goto'; step: number };

/** A command from the parent page, or undefined for anything else (other shapes, fractional steps, …). */
export function parseCommand(data: unknown): EmbedCommand | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, step } = data as { type?: unknown; step?: unknown };
  if (type === 'play' || type === 'pause') return { type };
  if (type === 'goto' && Number.isSafeInteger(step) && (step as number) >= 1) return { type, step: step as number };
  return undefined;
}

/** Whether a message may command the player: it comes from the framing window (and its origin, if known). */
export const fromParent = (
  event: Pick<MessageEvent, 'source' | 'origin'>,
  parent: MessageEventSource | null,
  origin: string | undefined,
): boolean => parent !== null && event.source === parent && (origin === undefined || event.origin === origin);

/** What the framing page can see of the player at one moment. */
export interface PlayerView {
  scenario: string;
  trace?: Trace;
  index: number;
  ended: boolean;
}

export function viewOf(s: Pick<JourneyState, 'presetId' | 'trace' | 'playhead'>): PlayerView {
  const count = s.trace?.steps.length ?? 0;
  return {
    scenario: s.presetId,
    trace: s.trace,
    index: s.playhead.index,
    // The last step completed: its packets have arrived and the result shows (the stage's end).
    ended: count > 0 && s.playhead.index >= count - 1 && s.playhead.progress >= 1,
  };
}

const NOTHING: PlayerView = { scenario: '', index: -1, ended: false };

/** The events that moving from `prev` to `next` tells the framing page (a new journey is `ready` again). */
export function eventsBetween(prev: PlayerView, next: PlayerView): EmbedEvent[] {
  const { trace } = next;
  if (!trace) return [];
  const events: EmbedEvent[] = [];
  const fresh = trace !== prev.trace;
  if (fresh) events.push({ source: SOURCE, type: 'ready', steps: trace.steps.length, scenario: next.scenario });
  const step = trace.steps[next.index];
  if (step && (fresh || next.index !== prev.index))
    events.push({ source: SOURCE, type: 'step', index: next.index, step: next.index + 1, title: step.title });
  if (next.ended && (fresh || !prev.ended))
    events.push({ source: SOURCE, type: 'finished', outcome: trace.result.outcome });
  return events;
}

type Store = Pick<typeof useJourney, 'getState' | 'subscribe'>;

/**
 * Connects the player in `win` to the page that frames it (nothing happens when it is not framed):
 * posts the events, follows the commands and reports the body's height. Returns the disconnect.
 */
export function connectBridge(win: Window, store: Store, origin: string | undefined): () => void {
  if (win.parent === win) return () => undefined;
  const parent = win.parent;
  // No private data travels (see above), so '*' is acceptable when the framing origin is unknown.
  const post = (event: EmbedEvent) => parent.postMessage(event, origin ?? '*');

  let view = NOTHING;
  const update = () => {
    const next = viewOf(store.getState());
    for (const event of eventsBetween(view, next)) post(event);
    view = next;
  };
  update();
  const unsubscribe = store.subscribe(update);

  const onMessage = (event: MessageEvent) => {
    if (!fromParent(event, parent, origin)) return;
    const command = parseCommand(event.data);
    const s = store.getState();
    if (command?.type === 'play') s.play();
    else if (command?.type === 'pause') s.pause();
    else if (command?.type === 'goto') s.seek(command.step - 1); // the store clamps to the last step
  };
  win.addEventListener('message', onMessage);

  let height = 0;
  const body = win.document.body;
  const observer = new ResizeObserver(() => {
    const next = Math.ceil(body.getBoundingClientRect().height);
    if (next === height) return;
    height = next;
    post({ source: SOURCE, type: 'resize', height });
  });
  observer.observe(body);

  return () => {
    unsubscribe();
    win.removeEventListener('message', onMessage);
    observer.disconnect();
  };
}
