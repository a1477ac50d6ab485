/**
 * Wires on the stage: orthogonal routes between two component boxes, and the point a packet has
 * reached along one. Pure geometry in stage pixels; the stage measures the boxes.
 */
export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Route = readonly Point[];

/** Wires leave a box at least this far from its corners... */
const INSET = 18;
/** ...unless that is all it takes to run straight instead of with a small jog. */
const TIGHT_INSET = 6;

const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(Math.max(v, lo), hi));
const cx = (r: Rect) => r.x + r.w / 2;
const cy = (r: Rect) => r.y + r.h / 2;

/**
 * The route from box `a` to box `b`: straight when the boxes face each other, otherwise one elbow
 * out of `a` (a vertical-horizontal-vertical path, or horizontal-vertical-horizontal for boxes side by side).
 */
export function route(a: Rect, b: Rect): Route {
  const below = b.y >= a.y + a.h;
  const above = b.y + b.h <= a.y;
  if (below || above) {
    const y1 = below ? a.y + a.h : a.y;
    const y2 = below ? b.y : b.y + b.h;
    for (const inset of [INSET, TIGHT_INSET]) {
      const lo = Math.max(a.x, b.x) + inset;
      const hi = Math.min(a.x + a.w, b.x + b.w) - inset;
      if (lo <= hi) {
        // The boxes face each other: a straight vertical wire in the shared span, nearest the centre of the narrower box.
        const x = clamp(a.w < b.w ? cx(a) : cx(b), lo, hi);
        return [
          { x, y: y1 },
          { x, y: y2 },
        ];
      }
    }
    const x1 = clamp(cx(b), a.x + INSET, a.x + a.w - INSET);
    const x2 = clamp(cx(a), b.x + INSET, b.x + b.w - INSET);
    const ym = (y1 + y2) / 2;
    return [
      { x: x1, y: y1 },
      { x: x1, y: ym },
      { x: x2, y: ym },
      { x: x2, y: y2 },
    ];
  }
  const right = b.x >= cx(a);
  const x1 = right ? a.x + a.w : a.x;
  const x2 = right ? b.x : b.x + b.w;
  const lo = Math.max(a.y, b.y) + INSET / 2;
  const hi = Math.min(a.y + a.h, b.y + b.h) - INSET / 2;
  if (lo <= hi) {
    const y = clamp(cy(a.h < b.h ? a : b), lo, hi);
    return [
      { x: x1, y },
      { x: x2, y },
    ];
  }
  const y1 = clamp(cy(b), a.y + INSET / 2, a.y + a.h - INSET / 2);
  const y2 = clamp(cy(a), b.y + INSET / 2, b.y + b.h - INSET / 2);
  const xm = (x1 + x2) / 2;
  return [
    { x: x1, y: y1 },
    { x: xm, y: y1 },
    { x: xm, y: y2 },
    { x: x2, y: y2 },
  ];
}

const dist = (p: Point, q: Point) => Math.hypot(q.x - p.x, q.y - p.y);

export function routeLength(r: Route): number {
  let total = 0;
  for (let i = 1; i < r.length; i++) total += dist(r[i - 1]!, r[i]!);
  return total;
}

/** The point at fraction `t` (0..1, clamped) of the route's length. */
export function pointAt(r: Route, t: number): Point {
  const first = r[0];
  if (!first) return { x: 0, y: 0 };
  let left = routeLength(r) * Math.min(Math.max(t, 0), 1);
  for (let i = 1; i < r.length; i++) {
    const p = r[i - 1]!;
    const q = r[i]!;
    const d = dist(p, q);
    if (left <= d && d > 0) return { x: p.x + ((q.x - p.x) * left) / d, y: p.y + ((q.y - p.y) * left) / d };
    left -= d;
  }
  return r[r.length - 1]!;
}

/** SVG path data for a route. */
export const pathData = (r: Route): string =>
  r.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
