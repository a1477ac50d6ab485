/**
 * The keys of present mode: a keyboard and the presentation clickers a teacher holds. Clickers send
 * PageDown/PageUp for next/previous (some send the down/up arrows), and "." or "b" for a blank screen,
 * as they do in slide software.
 */

/** The playhead moves of the journey store that a key can make. */
export type PlayheadMove = 'togglePlay' | 'next' | 'previous' | 'toStart' | 'toEnd';

export type PresentAction =
  | { type: 'playhead'; move: PlayheadMove }
  /** The n-th scenario of the gallery (0-based), from the number keys 1–9. */
  | { type: 'preset'; index: number }
  | { type: 'fullscreen' }
  | { type: 'blank' }
  | { type: 'hints' }
  /** Steps back out: the key hints, then present mode (the browser leaves full screen itself). */
  | { type: 'escape' };

const MOVES: Readonly<Record<string, PlayheadMove>> = {
  ' ': 'togglePlay',
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'toStart',
  End: 'toEnd',
};

/** What a key (`KeyboardEvent.key`) does in present mode; undefined for keys it leaves alone. */
export function presentAction(key: string): PresentAction | undefined {
  const move = MOVES[key];
  if (move) return { type: 'playhead', move };
  if (/^[1-9]$/.test(key)) return { type: 'preset', index: Number(key) - 1 };
  switch (key) {
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'b':
    case 'B':
    case '.':
      return { type: 'blank' };
    case '?':
      return { type: 'hints' };
    case 'Escape':
      return { type: 'escape' };
    default:
      return undefined;
  }
}

/** Keys that only modify another key: pressing one alone does not bring the picture back from blank. */
export const isModifierKey = (key: string): boolean =>
  key === 'Shift' || key === 'Control' || key === 'Alt' || key === 'Meta' || key === 'AltGraph' || key === 'CapsLock';

/** The keys as the on-screen hint lists them. */
export const KEY_HINTS: readonly { keys: readonly string[]; what: string }[] = [
  { keys: ['→', 'PageDown', '↓'], what: 'Next step' },
  { keys: ['←', 'PageUp', '↑'], what: 'Previous step' },
  { keys: ['Space'], what: 'Play / pause' },
  { keys: ['Home', 'End'], what: 'First / last step' },
  { keys: ['1–9'], what: 'The first nine scenarios of the gallery' },
  { keys: ['F'], what: 'Full screen' },
  { keys: ['B', '.'], what: 'Blank screen (any key returns)' },
  { keys: ['?'], what: 'Show / hide these keys' },
  { keys: ['Esc'], what: 'Leave present mode' },
];
