import { describe, expect, it } from 'vitest';
import { isModifierKey, KEY_HINTS, presentAction } from './presentKeys';

describe('presentAction', () => {
  it('moves the playhead with the keyboard and the clickers’ keys', () => {
    const moves = Object.fromEntries(
      [' ', 'ArrowRight', 'ArrowDown', 'PageDown', 'ArrowLeft', 'ArrowUp', 'PageUp', 'Home', 'End'].map((k) => [
        k,
        presentAction(k),
      ]),
    );
    expect(moves).toEqual({
      ' ': { type: 'playhead', move: 'togglePlay' },
      ArrowRight: { type: 'playhead', move: 'next' },
      ArrowDown: { type: 'playhead', move: 'next' },
      PageDown: { type: 'playhead', move: 'next' },
      ArrowLeft: { type: 'playhead', move: 'previous' },
      ArrowUp: { type: 'playhead', move: 'previous' },
      PageUp: { type: 'playhead', move: 'previous' },
      Home: { type: 'playhead', move: 'toStart' },
      End: { type: 'playhead', move: 'toEnd' },
    });
  });

  it('picks the first nine scenarios with 1–9, 0-based; 0 and 10 are not scenario keys', () => {
    expect(presentAction('1')).toEqual({ type: 'preset', index: 0 });
    expect(presentAction('2')).toEqual({ type: 'preset', index: 1 });
    expect(presentAction('9')).toEqual({ type: 'preset', index: 8 });
    expect(presentAction('0')).toBeUndefined();
    expect(presentAction('10')).toBeUndefined();
  });

  it('full screen on F, blank on B or "." in either case, hints on ?, Escape steps out', () => {
    expect(presentAction('f')).toEqual({ type: 'fullscreen' });
    expect(presentAction('F')).toEqual({ type: 'fullscreen' });
    expect(presentAction('b')).toEqual({ type: 'blank' });
    expect(presentAction('B')).toEqual({ type: 'blank' });
    expect(presentAction('.')).toEqual({ type: 'blank' });
    expect(presentAction('?')).toEqual({ type: 'hints' });
    expect(presentAction('Escape')).toEqual({ type: 'escape' });
  });

  it('leaves every other key alone (Tab, Enter, letters) so controls and the browser keep them', () => {
    for (const key of ['Tab', 'Enter', 'a', 'x', 'Shift', 'F5', 'Backspace'])
      expect(presentAction(key)).toBeUndefined();
  });
});

describe('isModifierKey', () => {
  it('is true for keys that only modify another, so they do not end a blank screen', () => {
    expect(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock'].every(isModifierKey)).toBe(true);
    expect(['b', ' ', 'Escape', 'PageDown'].some(isModifierKey)).toBe(false);
  });
});

describe('KEY_HINTS', () => {
  it('names every action the map has', () => {
    expect(KEY_HINTS.map((h) => h.what)).toEqual([
      'Next step',
      'Previous step',
      'Play / pause',
      'First / last step',
      'The first nine scenarios of the gallery',
      'Full screen',
      'Blank screen (any key returns)',
      'Show / hide these keys',
      'Leave present mode',
    ]);
  });
});
