import { useLayoutEffect, useRef } from 'react';
import type { Step } from '@sim';
import { useJourney } from '../store/store';
import { componentKind, componentLabel } from '../store/derive';
import { StepSlider } from './StepSlider';

/**
 * The steps as a slider: one tick per step coloured by component, failures marked ✕ above their
 * tick, and a fill that follows the playhead smoothly (written from a store subscription).
 */
export function Scrubber({ steps, index, onSeek }: { steps: readonly Step[]; index: number; onSeek(i: number): void }) {
  const fill = useRef<HTMLDivElement>(null);
  const count = steps.length;
  const last = Math.max(count - 1, 1);
  const current = steps[index];

  useLayoutEffect(() => {
    const paint = (i: number, progress: number) => {
      if (fill.current) fill.current.style.transform = `scaleX(${Math.min((i + progress) / last, 1)})`;
    };
    const { playhead } = useJourney.getState();
    paint(playhead.index, playhead.progress);
    return useJourney.subscribe((s, prev) => {
      if (s.playhead !== prev.playhead) paint(s.playhead.index, s.playhead.progress);
    });
  }, [last]);

  return (
    <div className="scrubber">
      <div className="scrub-track" aria-hidden="true">
        <div className="scrub-fill" ref={fill} />
        {steps.map((s) => (
          <span
            key={s.index}
            className={`tick tick-${componentKind(s.component)}${s.outcome === 'fail' ? ' tick-fail' : ''}`}
            style={{ left: `${(s.index / last) * 100}%` }}
            title={`${s.index + 1}. ${componentLabel(s.component)}: ${s.title}`}
          >
            {s.outcome === 'fail' && <span className="fail-mark">✕</span>}
          </span>
        ))}
      </div>
      <StepSlider className="scrub-input" count={count} index={index} title={current?.title} onSeek={onSeek} />
    </div>
  );
}
