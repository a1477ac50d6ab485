// This module is loaded after the first paint (Stage.tsx), and framer-motion with it: the card is its
// only animated element, and the page's first screen shows no pod card yet (it is mounted once the
// stage is measured), so the first load carries no animation code at all.
import { LazyMotion, MotionConfig, domMin, m } from 'framer-motion';
import type { PodCard as PodCardData } from '@sim';
import type { Rect } from './geometry';
import { statusTone, type StatusTone } from './podStatus';
import { CheckIcon, CrossIcon, FileIcon, HourglassIcon } from '../common/icons';

const TONE_ICON: Record<StatusTone, () => React.JSX.Element> = {
  draft: FileIcon,
  waiting: HourglassIcon,
  ok: CheckIcon,
  problem: CrossIcon,
};

interface Props {
  name: string;
  pod: PodCardData;
  /** Where the card sits: the dock of `pod.at`. */
  dock: Rect;
  reduced: boolean;
}

/**
 * The pod, travelling across the stage. Its face is what `kubectl get pods` would say (STATUS,
 * READY), in words; the colour only repeats it. It moves by transform (a spring) to the dock of
 * the component that holds it; with reduced motion it fades in at the new place instead. It is
 * mounted once the stage is measured, where it stands: nothing flies in while the page loads.
 */
export default function PodCard({ name, pod, dock, reduced }: Props) {
  const tone = statusTone(pod.status);
  const ToneIcon = TONE_ICON[tone];
  const draft = tone === 'draft';
  const label = draft
    ? `Pod ${name}: not created yet, still in the manifest`
    : `Pod ${name}: STATUS ${pod.status}${pod.ready ? `, READY ${pod.ready}` : ''}`;
  const { x, y } = dock;
  return (
    <LazyMotion features={domMin} strict>
      <MotionConfig reducedMotion="user">
        <m.div
          key={reduced ? pod.at : 'pod-card'}
          className={`pod-card tone-${tone}`}
          data-testid="pod-card"
          data-at={pod.at}
          role="img"
          aria-label={label}
          initial={reduced ? { x, y, opacity: 0 } : false}
          animate={{ x, y, opacity: 1 }}
          transition={reduced ? { duration: 0.35 } : { type: 'spring', stiffness: 150, damping: 22, mass: 0.9 }}
          style={{ width: dock.w, height: dock.h }}
        >
          <div className="pod-name">
            <svg viewBox="0 0 16 16" aria-hidden="true" className="pod-glyph">
              <path d="M8 1.5 14 5v6l-6 3.5L2 11V5z" />
            </svg>
            <span>{name}</span>
          </div>
          <div className="pod-status">
            <span className="pod-tone" aria-hidden="true">
              <ToneIcon />
            </span>
            {draft ? (
              <span className="pod-draft">not created yet</span>
            ) : (
              <>
                <b>{pod.status}</b>
                {pod.ready && (
                  <>
                    {' · '}
                    <b>{pod.ready}</b> <span className="pod-key">ready</span>
                  </>
                )}
              </>
            )}
          </div>
        </m.div>
      </MotionConfig>
    </LazyMotion>
  );
}
