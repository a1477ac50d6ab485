import type { ReactNode } from 'react';
import { useJourney } from '../store/store';
import { EndIcon, NextIcon, PauseIcon, PlayIcon, PrevIcon, StartIcon } from '../common/icons';

/** An icon button of the transport: its name for screen readers, its keys in the tooltip. */
function TransportButton(props: {
  label: string;
  keys?: string;
  onClick(): void;
  disabled: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`btn btn-icon${props.className ? ` ${props.className}` : ''}`}
      aria-label={props.label}
      title={props.keys ? `${props.label} (${props.keys})` : props.label}
      onClick={props.onClick}
      disabled={props.disabled}
    >
      {props.children}
    </button>
  );
}

/**
 * The playback buttons of the timeline, present mode and the embed (without a wrapper: each place
 * groups them with its own controls). `keys` names the keys of previous and next in that place; the
 * embed has no keys and no jumps to the ends.
 */
export function Transport({
  keys,
  ends = true,
  buttonClassName,
  playClassName,
}: {
  keys?: { previous: string; next: string };
  ends?: boolean;
  buttonClassName?: string;
  playClassName?: string;
}) {
  const empty = useJourney((s) => (s.trace?.steps.length ?? 0) === 0);
  const playing = useJourney((s) => s.playhead.mode === 'playing');
  const { togglePlay, previous, next, toStart, toEnd } = useJourney.getState();
  const button = { disabled: empty, className: buttonClassName };
  return (
    <>
      {ends && (
        <TransportButton label="Jump to start" keys={keys && 'Home'} onClick={toStart} {...button}>
          <StartIcon />
        </TransportButton>
      )}
      <TransportButton label="Previous step" keys={keys?.previous} onClick={previous} {...button}>
        <PrevIcon />
      </TransportButton>
      <TransportButton
        label={playing ? 'Pause' : 'Play'}
        keys={keys && 'Space'}
        onClick={togglePlay}
        {...button}
        className={[buttonClassName, playClassName].filter(Boolean).join(' ') || undefined}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </TransportButton>
      <TransportButton label="Next step" keys={keys?.next} onClick={next} {...button}>
        <NextIcon />
      </TransportButton>
      {ends && (
        <TransportButton label="Jump to end" keys={keys && 'End'} onClick={toEnd} {...button}>
          <EndIcon />
        </TransportButton>
      )}
    </>
  );
}
