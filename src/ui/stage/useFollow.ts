import { useEffect, type RefObject } from 'react';
import type { Rect } from './geometry';

/** Room kept between a followed box and the edge of the visible stage. */
const MARGIN = 12;

/**
 * On short screens the stage scrolls; this keeps `primary` in view (the component the step happens
 * at, or the pod at the end), and `secondary` too when both fit, like a camera following the
 * action. It scrolls the stage only, never the page, and does nothing when the whole stage fits.
 */
export function useFollow(
  canvasRef: RefObject<HTMLElement | null>,
  primary: Rect | undefined,
  secondary: Rect | undefined,
  reduced: boolean,
): void {
  const activeTop = primary?.y;
  const activeBottom = primary ? primary.y + primary.h : undefined;
  const podTop = secondary?.y;
  const podBottom = secondary ? secondary.y + secondary.h : undefined;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || activeTop === undefined || activeBottom === undefined || canvas.scrollHeight <= canvas.clientHeight)
      return;
    const view = canvas.clientHeight - 2 * MARGIN;
    let top = activeTop;
    let bottom = activeBottom;
    if (
      podTop !== undefined &&
      podBottom !== undefined &&
      Math.max(bottom, podBottom) - Math.min(top, podTop) <= view
    ) {
      top = Math.min(top, podTop);
      bottom = Math.max(bottom, podBottom);
    }
    let target = canvas.scrollTop;
    if (top - MARGIN < canvas.scrollTop) target = top - MARGIN;
    else if (bottom + MARGIN > canvas.scrollTop + canvas.clientHeight) target = bottom + MARGIN - canvas.clientHeight;
    if (target !== canvas.scrollTop) canvas.scrollTo({ top: target, behavior: reduced ? 'auto' : 'smooth' });
  }, [canvasRef, activeTop, activeBottom, podTop, podBottom, reduced]);
}
