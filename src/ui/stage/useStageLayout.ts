import { startTransition, useLayoutEffect, useState, type RefObject } from 'react';
import type { Rect } from './geometry';

/** Where the component boxes and the pod card's docks are, in stage pixels. */
export interface StageLayout {
  boxes: Readonly<Record<string, Rect>>;
  docks: Readonly<Record<string, Rect>>;
  /** The canvas content size (its scroll size). */
  width: number;
  height: number;
}

export const EMPTY_LAYOUT: StageLayout = { boxes: {}, docks: {}, width: 0, height: 0 };

/** A rectangle in the canvas's content coordinates (what its absolutely placed layers use, scrolled or not). */
const rectIn = (r: DOMRect, canvas: HTMLElement, origin: DOMRect): Rect => ({
  x: r.left - origin.left + canvas.scrollLeft,
  y: r.top - origin.top + canvas.scrollTop,
  w: r.width,
  h: r.height,
});

function sameRects(a: Readonly<Record<string, Rect>>, b: Readonly<Record<string, Rect>>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const p = a[k]!;
    const q = b[k];
    return (
      !!q &&
      Math.abs(p.x - q.x) < 0.5 &&
      Math.abs(p.y - q.y) < 0.5 &&
      Math.abs(p.w - q.w) < 0.5 &&
      Math.abs(p.h - q.h) < 0.5
    );
  });
}

function readAll(canvas: HTMLElement, attr: string, origin: DOMRect): Record<string, Rect> {
  const out: Record<string, Rect> = {};
  for (const el of canvas.querySelectorAll<HTMLElement>(`[${attr}]`))
    out[el.getAttribute(attr)!] = rectIn(el.getBoundingClientRect(), canvas, origin);
  return out;
}

/**
 * Measures the boxes (`data-component`) and docks (`data-dock`) inside the stage canvas whenever
 * anything resizes. Measuring happens on resize only, never per animation frame.
 */
export function useStageLayout(canvasRef: RefObject<HTMLElement | null>, structureKey: string): StageLayout {
  const [layout, setLayout] = useState<StageLayout>(EMPTY_LAYOUT);
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const measure = () => {
      const origin = canvas.getBoundingClientRect();
      const next: StageLayout = {
        boxes: readAll(canvas, 'data-component', origin),
        docks: readAll(canvas, 'data-dock', origin),
        width: canvas.scrollWidth,
        height: canvas.scrollHeight,
      };
      // A transition: the stage's wires and pod card follow in slices that yield to the browser; as a
      // plain update, the first measure re-rendered the whole stage in one blocking task while the page loaded.
      startTransition(() =>
        setLayout((prev) =>
          prev.width === next.width &&
          prev.height === next.height &&
          sameRects(prev.boxes, next.boxes) &&
          sameRects(prev.docks, next.docks)
            ? prev
            : next,
        ),
      );
    };
    // No measure() here: reading positions during the commit would force the page's first layout into
    // React's task. A ResizeObserver reports every observed element once after layout, before paint.
    const observer = new ResizeObserver(measure);
    observer.observe(canvas);
    for (const el of canvas.querySelectorAll('[data-component], [data-dock]')) observer.observe(el);
    return () => observer.disconnect();
  }, [canvasRef, structureKey]);
  return layout;
}
