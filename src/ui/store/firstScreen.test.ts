// firstScreenOf: which state the build's prerendered first screen shows, so the page adopts that HTML
// only when its own booted store shows the same (src/app/main.tsx).
import { describe, expect, it } from 'vitest';
import { firstScreenOf, type JourneyState } from './store';
import { START } from './playhead';

const source = { id: 'happy-path', manifest: 'm', cluster: 'c', kubeconfig: 'k' };
const opened = {
  presetId: 'happy-path',
  source,
  shipped: true,
  drafts: { manifest: 'm', cluster: 'c', kubeconfig: 'k' },
  trace: { steps: [{}, {}] },
  playhead: START,
} as unknown as JourneyState;

describe('firstScreenOf', () => {
  it('a preset as shipped, at its start, paused, with nothing to say: that preset', () => {
    expect(firstScreenOf(opened)).toBe('happy-path');
  });

  const others: [string, Partial<JourneyState>][] = [
    ['no journey yet', { trace: undefined }],
    ['a scenario that is not shipped', { shipped: false }],
    ['another preset opened over its texts', { presetId: 'forbidden' }],
    ['a later step', { playhead: { index: 4, progress: 1, mode: 'paused' } }],
    ['a step in flight', { playhead: { index: 0, progress: 0.5, mode: 'paused' } }],
    ['playing', { playhead: { index: 0, progress: 0, mode: 'playing' } }],
    ['an edited draft', { drafts: { manifest: 'm2', cluster: 'c', kubeconfig: 'k' } }],
    ['a notice', { notice: { tone: 'info', text: 'Restored your edits' } }],
    ['a link problem', { linkNotice: { tone: 'warning', text: 'This link could not be opened' } }],
    ['a run error', { runError: 'the simulator could not be loaded' }],
    ['a blocked apply', { applyBlock: { file: 'cluster', message: 'x' } }],
  ];
  for (const [what, change] of others)
    it(`${what}: none`, () => {
      expect(firstScreenOf({ ...opened, ...change } as JourneyState)).toBeUndefined();
    });
});
