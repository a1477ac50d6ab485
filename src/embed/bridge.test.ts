import { describe, expect, it } from 'vitest';
import type { Trace } from '@sim';
import { eventsBetween, fromParent, parseCommand, viewOf, type PlayerView } from './bridge';
import { embedOptions } from './options';

describe('parseCommand', () => {
  it('takes play, pause and goto with a positive integer step', () => {
    expect(parseCommand({ type: 'play' })).toEqual({ type: 'play' });
    expect(parseCommand({ type: 'pause', extra: 1 })).toEqual({ type: 'pause' });
    expect(parseCommand({ type: 'goto', step: 12 })).toEqual({ type: 'goto', step: 12 });
  });
  it('ignores anything else', () => {
    for (const data of [
      null,
      'play',
      42,
      {},
      { type: 'seek', step: 2 },
      { type: 'goto' },
      { type: 'goto', step: 0 },
      { type: 'goto', step: -3 },
      { type: 'goto', step: 2.5 },
      { type: 'goto', step: '4' },
      { type: 'goto', step: Number.MAX_VALUE },
      { type: 'goto', step: NaN },
    ])
      expect(parseCommand(data)).toBeUndefined();
  });
});

describe('fromParent', () => {
  const parent = {} as MessageEventSource;
  const other = {} as MessageEventSource;
  it('needs the framing window, and its origin when one is named', () => {
    expect(fromParent({ source: parent, origin: 'https://a.example' }, parent, undefined)).toBe(true);
    expect(fromParent({ source: parent, origin: 'https://a.example' }, parent, 'https://a.example')).toBe(true);
    expect(fromParent({ source: parent, origin: 'https://b.example' }, parent, 'https://a.example')).toBe(false);
    expect(fromParent({ source: other, origin: 'https://a.example' }, parent, undefined)).toBe(false);
    expect(fromParent({ source: null, origin: 'https://a.example' }, null, undefined)).toBe(false);
  });
});

const trace = {
  steps: [{ title: 'Read pod.yaml' }, { title: 'Authenticate' }, { title: 'Bind' }],
  result: { outcome: 'running' },
} as unknown as Trace;
const at = (index: number, progress = 0) =>
  viewOf({ presetId: 'happy-path', trace, playhead: { index, progress, mode: 'paused' } });

describe('eventsBetween', () => {
  const none: PlayerView = { scenario: '', index: -1, ended: false };
  it('says nothing before the journey is loaded', () => {
    const loading = viewOf({
      presetId: 'happy-path',
      trace: undefined,
      playhead: { index: 0, progress: 0, mode: 'paused' },
    });
    expect(eventsBetween(none, loading)).toEqual([]);
  });
  it('a loaded journey: ready, then its first step', () => {
    expect(eventsBetween(none, at(0))).toEqual([
      { source: 'pod-journey', type: 'ready', steps: 3, scenario: 'happy-path' },
      { source: 'pod-journey', type: 'step', index: 0, step: 1, title: 'Read pod.yaml' },
    ]);
  });
  it('a step change once; progress within a step says nothing', () => {
    expect(eventsBetween(at(0), at(1))).toEqual([
      { source: 'pod-journey', type: 'step', index: 1, step: 2, title: 'Authenticate' },
    ]);
    expect(eventsBetween(at(1), at(1, 0.5))).toEqual([]);
  });
  it('finished when the last step completes, once', () => {
    expect(at(2, 0.99).ended).toBe(false);
    expect(eventsBetween(at(2, 0.5), at(2, 1))).toEqual([
      { source: 'pod-journey', type: 'finished', outcome: 'running' },
    ]);
    expect(eventsBetween(at(2, 1), at(2, 1))).toEqual([]);
  });
});

describe('embedOptions', () => {
  it('reads autoplay, theme and origin', () => {
    expect(embedOptions('?autoplay=1&theme=dark&origin=https%3A%2F%2Fblog.example')).toEqual({
      autoplay: true,
      theme: 'dark',
      origin: 'https://blog.example',
    });
  });
  it('defaults: paused, the system theme, no origin', () => {
    expect(embedOptions('')).toEqual({ autoplay: false, theme: 'system', origin: undefined });
    expect(embedOptions('?autoplay=yes&theme=blue')).toEqual({ autoplay: false, theme: 'system', origin: undefined });
  });
  it('an origin must be exactly an http(s) origin', () => {
    for (const origin of ['https://blog.example/post', 'javascript:alert(1)', 'null', 'blog.example', 'file:///x'])
      expect(embedOptions(`?origin=${encodeURIComponent(origin)}`).origin).toBeUndefined();
  });
});
