import { describe, expect, it } from 'vitest';
import { pathData, pointAt, route, routeLength, type Rect } from './geometry';

const box = (x: number, y: number, w: number, h: number): Rect => ({ x, y, w, h });

describe('route', () => {
  it.each([
    [
      'straight down between boxes that face each other',
      box(100, 0, 100, 40),
      box(50, 100, 300, 80),
      [
        { x: 150, y: 40 },
        { x: 150, y: 100 },
      ],
    ],
    [
      'straight up, the reverse direction',
      box(50, 100, 300, 80),
      box(100, 0, 100, 40),
      [
        { x: 150, y: 100 },
        { x: 150, y: 40 },
      ],
    ],
    [
      'an elbow down to a box off to the side',
      box(200, 0, 100, 40),
      box(0, 100, 100, 40),
      [
        { x: 218, y: 40 },
        { x: 218, y: 70 },
        { x: 82, y: 70 },
        { x: 82, y: 100 },
      ],
    ],
    [
      'straight, near the corners, rather than with a small jog',
      box(0, 0, 200, 40),
      box(185, 100, 100, 40),
      [
        { x: 194, y: 40 },
        { x: 194, y: 100 },
      ],
    ],
    [
      'straight across to a neighbour on the right',
      box(0, 0, 100, 100),
      box(150, 20, 50, 40),
      [
        { x: 100, y: 40 },
        { x: 150, y: 40 },
      ],
    ],
    [
      'straight across to a neighbour on the left',
      box(150, 20, 50, 40),
      box(0, 0, 100, 100),
      [
        { x: 150, y: 40 },
        { x: 100, y: 40 },
      ],
    ],
  ])('%s', (_, a, b, expected) => {
    expect(route(a, b)).toEqual(expected);
  });
});

describe('pointAt', () => {
  const r = [
    { x: 0, y: 0 },
    { x: 0, y: 10 },
    { x: 30, y: 10 },
  ];
  it.each([
    [0, { x: 0, y: 0 }],
    [0.25, { x: 0, y: 10 }],
    [0.5, { x: 10, y: 10 }],
    [1, { x: 30, y: 10 }],
    [-1, { x: 0, y: 0 }],
    [2, { x: 30, y: 10 }],
  ])('at %d', (t, p) => {
    expect(pointAt(r, t)).toEqual(p);
  });
  it('measures and draws the route', () => {
    expect(routeLength(r)).toBe(40);
    expect(pathData(r)).toBe('M0.0 0.0 L0.0 10.0 L30.0 10.0');
    expect(pointAt([], 0.5)).toEqual({ x: 0, y: 0 });
  });
});
