import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { Rect } from './geometry';

/** Room kept between a followed box and the edge of the visible stage. */
const MARGIN = 12;

/** The stage's scroll state: where it is scrolled to and how much of it is visible. */
export interface View {
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
}

/** A vertical extent on the stage, in its content's pixels. */
export interface Span {
  top: number;
  bottom: number;
}

/**
 * Where the stage scrolls to keep `primary` in view, and `secondary` too when both fit: the current
 * position when they are already visible or when the whole stage fits.
 */
export function followTarget(view: View, primary: Span | undefined, secondary: Span | undefined): number {
  if (!primary || view.scrollHeight <= view.clientHeight) return view.scrollTop;
  let { top, bottom } = primary;
  if (
    secondary &&
    Math.max(bottom, secondary.bottom) - Math.min(top, secondary.top) <= view.clientHeight - 2 * MARGIN
  ) {
    top = Math.min(top, secondary.top);
    bottom = Math.max(bottom, secondary.bottom);
  }
  if (top - MARGIN < view.scrollTop) return top - MARGIN;
  if (bottom + MARGIN > view.scrollTop + view.clientHeight) return bottom + MARGIN - view.clientHeight;
  return view.scrollTop;
}

const viewOf = (el: HTMLElement): View => ({
  scrollTop: el.scrollTop,
  clientHeight: el.clientHeight,
  scrollHeight: el.scrollHeight,
});
/** The hooks' dependencies are the extents' numbers: every layout measure makes new rectangles. */
const spanAt = (top: number | undefined, bottom: number | undefined): Span | undefined =>
  top === undefined || bottom === undefined ? undefined : { top, bottom };
const topOf = (r: Rect | undefined) => r?.y;
const bottomOf = (r: Rect | undefined) => (r ? r.y + r.h : undefined);

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
  const [pTop, pBottom, sTop, sBottom] = [topOf(primary), bottomOf(primary), topOf(secondary), bottomOf(secondary)];
  useEffect(() => {
    const canvas = canvasRef.current;
    const primarySpan = spanAt(pTop, pBottom);
    // Nothing to follow before the stage is measured: reading the canvas's size here would force the
    // page's first layout inside this effect, which can run before the first frame.
    if (!canvas || !primarySpan) return;
    const target = followTarget(viewOf(canvas), primarySpan, spanAt(sTop, sBottom));
    if (target !== canvas.scrollTop) canvas.scrollTo({ top: target, behavior: reduced ? 'auto' : 'smooth' });
  }, [canvasRef, pTop, pBottom, sTop, sBottom, reduced]);
}

/**
 * Whether the result banner goes at the top of the stage: when the pod card will be in the lower half
 * of what is visible once the stage has followed it (useFollow with the same rectangles), so the
 * banner, at the other end, never covers the card.
 */
export function useBannerAtTop(
  canvasRef: RefObject<HTMLElement | null>,
  card: Rect | undefined,
  secondary: Rect | undefined,
): boolean {
  const [atTop, setAtTop] = useState(false);
  const [cTop, cBottom, sTop, sBottom] = [topOf(card), bottomOf(card), topOf(secondary), bottomOf(secondary)];
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const span = spanAt(cTop, cBottom);
    if (!canvas || !span) return;
    const view = viewOf(canvas);
    const centre = (span.top + span.bottom) / 2 - followTarget(view, span, spanAt(sTop, sBottom));
    setAtTop(centre > view.clientHeight / 2);
  }, [canvasRef, cTop, cBottom, sTop, sBottom]);
  return atTop;
}
